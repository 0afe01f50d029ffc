// Demo material for the platforms: a tonic brand's products at real-looking prices, and receivers
// derived from the buyer (the same buyer ships to the same address, so Taobao's oaid stays the same
// within a week and changes the next, as it does for real).
import crypto from 'node:crypto';
import type { Buyer, Product, Receiver } from './state.ts';

export const TONIC_PRODUCTS: Product[] = [
  { title: '东阿阿胶糕 即食手工 500g礼盒', price_fen: 19_800, product_id: '6001001', sku_id: '60010011', outer_code: 'EJ-GAO-500', properties: '规格:500g礼盒装' },
  { title: '东阿阿胶糕 即食手工 250g', price_fen: 10_800, product_id: '6001001', sku_id: '60010012', outer_code: 'EJ-GAO-250', properties: '规格:250g袋装' },
  { title: '印尼燕窝 即食冰糖燕窝 6瓶装', price_fen: 29_900, product_id: '6002001', sku_id: '60020011', outer_code: 'YW-JS-6', properties: '规格:70g*6瓶' },
  { title: '干燕窝 燕盏 孕妇滋补 50g', price_fen: 68_800, product_id: '6002002', sku_id: '60020021', outer_code: 'YW-GZ-50', properties: '规格:50g' },
  { title: '宁夏特级枸杞 头茬免洗 500g', price_fen: 5_990, product_id: '6003001', sku_id: '60030011', outer_code: 'GQ-TJ-500', properties: '规格:500g罐装' },
  { title: '新疆和田大枣 骏枣 1kg', price_fen: 3_990, product_id: '6003002', sku_id: '60030021', outer_code: 'HZ-JZ-1K', properties: '规格:1kg' },
  { title: '长白山人参 林下参 5支礼盒', price_fen: 39_900, product_id: '6004001', sku_id: '60040011', outer_code: 'RS-LX-5', properties: '规格:5支装' },
  { title: '黄芪党参 养生茶 30包', price_fen: 6_900, product_id: '6005001', sku_id: '60050011', outer_code: 'YS-HQ-30', properties: '规格:30包/盒' },
  { title: '铁棍山药粉 即食代餐 400g', price_fen: 4_990, product_id: '6005002', sku_id: '60050021', outer_code: 'SY-F-400', properties: '规格:400g' },
  { title: '西洋参片 含片 100g', price_fen: 15_800, product_id: '6004002', sku_id: '60040021', outer_code: 'XYS-P-100', properties: '规格:100g罐装' },
];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲丹建国文梅琳雪婷宇浩晨欣怡佳悦'];
const PLACES: Array<[string, string, string]> = [
  ['广东省', '广州市', '天河区'], ['广东省', '深圳市', '南山区'], ['浙江省', '杭州市', '西湖区'], ['江苏省', '南京市', '鼓楼区'],
  ['上海', '上海市', '浦东新区'], ['北京', '北京市', '朝阳区'], ['山东省', '济南市', '历下区'], ['四川省', '成都市', '武侯区'],
  ['湖北省', '武汉市', '洪山区'], ['福建省', '厦门市', '思明区'], ['河南省', '郑州市', '金水区'], ['湖南省', '长沙市', '岳麓区'],
];
const STREETS = ['中山路', '人民路', '解放路', '建设路', '文化路', '和平街', '新华路', '学府路'];

/** A receiver that is always the same for the same buyer id. */
export function receiverFor(buyer: Buyer): Receiver {
  const h = crypto.createHash('sha256').update(buyer.id).digest();
  const place = PLACES[h[0] % PLACES.length];
  const name = SURNAMES[h[1] % SURNAMES.length] + GIVEN[h[2] % GIVEN.length] + (h[3] % 2 ? GIVEN[h[4] % GIVEN.length] : '');
  const phone = `1${[3, 5, 7, 8, 9][h[5] % 5]}${String(h.readUInt32BE(6) % 1_000_000_000).padStart(9, '0')}`;
  const address = `${STREETS[h[10] % STREETS.length]}${(h[11] % 300) + 1}号${(h[12] % 20) + 1}栋${(h[13] % 30) + 1}0${(h[14] % 4) + 1}室`;
  return { name, phone, province: place[0], city: place[1], district: place[2], address };
}

const MESSAGES = ['', '', '', '', '请尽快发货', '送人的，不要放发票', '麻烦包装好一点', '周末送货'];
export const randomMessage = () => MESSAGES[Math.floor(Math.random() * MESSAGES.length)];
