// Writes a Taobao 订单报表 + 宝贝报表 pair (the 46-column export and its 10-column item report) of
// `orders` orders with ~2.5 items each, encoded in GBK as old exports are — streamed, so any size
// fits in flat memory. Values are shaped like the real export (see the fixtures): ids as text,
// money in yuan, `YYYY-MM-DD HH:MM:SS` dates, 省 市 区 addresses, masked-looking buyers.
import fs from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';

const ORDER_HEADER = '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,退款金额,预约门店';
const ITEM_HEADER = '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码';
const PROVINCES = [['广东省', '广州市', '天河区'], ['浙江省', '杭州市', '西湖区'], ['江苏省', '南京市', '鼓楼区'], ['上海', '上海市', '浦东新区'], ['北京', '北京市', '朝阳区'], ['四川省', '成都市', '武侯区'], ['山东省', '济南市', '历下区']];
const PRODUCTS = Array.from({ length: 150 }, (_, i) => ({ title: `固元堂 滋补礼盒 款式${i}`, code: `GYT-${String(i).padStart(3, '0')}`, price: 39 + (i % 30) * 10 }));

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (ms: number) => { const d = new Date(ms + 8 * 3_600_000); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; };

async function write(out: fs.WriteStream, text: string) {
  if (!out.write(iconv.encode(text, 'gbk'))) await once(out, 'drain');
}

export async function writeTaobaoPair(ordersFile: string, itemsFile: string, orders: number): Promise<{ orders: number; items: number }> {
  const r = rng(42);
  const o = fs.createWriteStream(ordersFile);
  const it = fs.createWriteStream(itemsFile);
  await write(o, `${ORDER_HEADER}\r\n`);
  await write(it, `${ITEM_HEADER}\r\n`);
  let items = 0;
  const start = Date.UTC(2026, 5, 1);
  let ob = '';
  let ib = '';
  for (let i = 0; i < orders; i++) {
    const id = String(3_000_000_000_000_000 + i * 7919);
    const n = 1 + Math.floor(r() * 4); // 1–4 items, ~2.5 on average
    let goods = 0;
    const titles: string[] = [];
    for (let k = 0; k < n; k++) {
      const p = PRODUCTS[Math.floor(r() * PRODUCTS.length)];
      const q = 1 + Math.floor(r() * 3);
      goods += p.price * q;
      titles.push(p.title);
      ib += `${id},${p.title},${p.price},${q},${p.code},规格：标准装,,,交易成功,${p.code}\r\n`;
    }
    items += n;
    const post = r() < 0.8 ? 0 : 10;
    const place = PROVINCES[Math.floor(r() * PROVINCES.length)];
    const created = start + Math.floor(r() * 60 * 86_400_000);
    const buyer = `tb${Math.floor(r() * orders * 0.8)}`;
    const refund = r() < 0.02 ? goods : 0;
    ob += `${id},${buyer},${buyer}@alipay,${goods},${post},0,${goods + post},0,${goods + post},0,交易成功,,收**,${place.join(' ')} 某某路${i % 999}号(510000),快递,,,${fmt(created)},${fmt(created + 60_000)},${titles.join('，')},${n},No:${id},顺丰速运,,${n},0,0,订单未关闭,0,0元,,手机订单,,,否,否,否,,,,,0,0,否,${refund},\r\n`;
    if (i % 2000 === 1999) { await write(o, ob); await write(it, ib); ob = ''; ib = ''; }
  }
  await write(o, ob);
  await write(it, ib);
  o.end();
  it.end();
  await Promise.all([once(o, 'close'), once(it, 'close')]);
  return { orders, items };
}
