// Who buys tonics online: Chinese names by surname frequency, WeChat-style nicknames, regions
// weighted by population and e-commerce spend, acquisition sources, operators' remarks.
import { weighted, type Rng } from './random.ts';
import type { ProductLine } from './catalogue.ts';

// Surname shares (per mille, rounded from the 2020 census ranking); compound surnames are rare.
const SURNAMES = weighted<string>([
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 19], ['周', 18],
  ['徐', 15], ['孙', 15], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 11], ['何', 10], ['林', 10], ['高', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['欧阳', 0.4], ['上官', 0.1], ['司马', 0.1], ['诸葛', 0.1],
]);

// Given names change with the generation: 秀英 and 淑珍 for the 1960s, 婷婷 and 欣怡 for the 1990s.
const FEMALE_ONE = weighted<string>([
  ['芳', 10], ['敏', 8], ['静', 8], ['丽', 7], ['艳', 6], ['娟', 6], ['霞', 5], ['燕', 5], ['玲', 5], ['娜', 5],
  ['红', 4], ['梅', 4], ['莉', 4], ['婷', 4], ['琳', 3], ['洁', 3], ['颖', 3], ['倩', 3], ['慧', 3], ['萍', 3],
  ['雪', 3], ['丹', 2], ['佳', 2], ['欣', 2], ['蕾', 2], ['薇', 2], ['媛', 2], ['瑶', 2], ['琴', 2], ['英', 2],
]);
const FEMALE_TWO_OLD = weighted<string>([
  ['秀英', 10], ['桂英', 6], ['秀兰', 6], ['玉兰', 5], ['淑珍', 5], ['桂兰', 4], ['丽华', 5], ['秀珍', 4], ['玉梅', 4], ['凤英', 3],
  ['美玲', 3], ['红梅', 5], ['海燕', 5], ['晓红', 4], ['丽娟', 5], ['春梅', 3], ['建英', 2], ['秀芳', 3], ['翠花', 1], ['素芬', 2],
]);
const FEMALE_TWO_MID = weighted<string>([
  ['丽娟', 5], ['晓燕', 6], ['静怡', 3], ['雪梅', 4], ['海燕', 4], ['丽丽', 4], ['晓丽', 4], ['文静', 4], ['美娟', 3], ['小红', 3],
  ['小燕', 4], ['晓梅', 4], ['艳芳', 3], ['婷婷', 5], ['丹丹', 4], ['晶晶', 4], ['莉莉', 3], ['佳慧', 3], ['慧敏', 4], ['春燕', 3],
  ['亚楠', 3], ['彩霞', 3], ['雅琴', 3], ['秀梅', 2], ['丽萍', 3], ['玉洁', 2], ['红霞', 3], ['晓琳', 3], ['倩倩', 3], ['莹莹', 2],
]);
const FEMALE_TWO_YOUNG = weighted<string>([
  ['欣怡', 6], ['梓涵', 5], ['诗涵', 5], ['雨萱', 4], ['思琪', 5], ['佳怡', 5], ['梦瑶', 4], ['可欣', 4], ['雨欣', 4], ['紫涵', 3],
  ['嘉怡', 3], ['雅婷', 5], ['晓彤', 4], ['思雨', 4], ['婉婷', 3], ['心怡', 3], ['子涵', 4], ['一诺', 2], ['佳琪', 4], ['梦洁', 3],
  ['若曦', 2], ['语桐', 2], ['静雯', 3], ['艺涵', 2],
]);
const MALE_ONE = weighted<string>([
  ['伟', 10], ['强', 8], ['磊', 8], ['军', 7], ['洋', 6], ['勇', 6], ['杰', 6], ['涛', 5], ['明', 5], ['超', 5],
  ['刚', 4], ['平', 4], ['辉', 4], ['鹏', 4], ['华', 4], ['飞', 3], ['鑫', 3], ['波', 3], ['斌', 3], ['宇', 3],
  ['浩', 3], ['凯', 3], ['健', 3], ['俊', 3], ['帆', 2], ['峰', 3], ['亮', 3], ['东', 2], ['林', 2], ['阳', 2],
]);
const MALE_TWO = weighted<string>([
  ['建国', 4], ['建华', 4], ['国强', 4], ['志强', 5], ['永红', 2], ['海涛', 4], ['建军', 5], ['志明', 4], ['晓东', 4], ['文博', 3],
  ['宇航', 3], ['浩然', 4], ['子轩', 4], ['俊杰', 4], ['明辉', 3], ['志刚', 4], ['德明', 2], ['国华', 3], ['振华', 3], ['立新', 3],
  ['伟东', 3], ['家豪', 3], ['嘉伟', 3], ['天宇', 3], ['一鸣', 2], ['思远', 3], ['博文', 3], ['泽宇', 3], ['昊天', 2], ['晨阳', 2],
]);

export type Gender = 'male' | 'female' | 'unknown';

export function personName(rng: Rng, gender: Gender, birthYear: number): string {
  const surname = SURNAMES.draw(rng);
  const male = gender === 'male' || (gender === 'unknown' && rng.chance(0.4));
  if (male) return surname + (rng.chance(0.35) ? MALE_ONE.draw(rng) : MALE_TWO.draw(rng));
  if (rng.chance(birthYear < 1975 ? 0.25 : 0.35)) return surname + FEMALE_ONE.draw(rng);
  const pool = birthYear < 1972 ? FEMALE_TWO_OLD : birthYear < 1990 ? FEMALE_TWO_MID : FEMALE_TWO_YOUNG;
  return surname + pool.draw(rng);
}

/** Ages of tonic buyers: women 25–55 most of all, a tail of older buyers shopping for parents. */
export function birthYearOf(rng: Rng, gender: Gender, nowYear: number): number {
  const mean = gender === 'male' ? 42 : 38;
  const age = Math.round(Math.min(72, Math.max(20, mean + rng.normal() * 10)));
  return nowYear - age;
}

// ---- nicknames: what WeChat shows before the operator writes a remark name.
const EMOJI = ['🌸', '🌷', '🍀', '🌙', '☀️', '🐟', '🍓', '🌹', '💕', '🌻', '🦋', '🍵', '🐱', '✨', '🌈', '🍒'];
const CUTE = ['小鱼儿', '糖糖', '果果', '橙子', '小米粒', '七七', '朵朵', '桃子', '暖暖', '安安', '悠悠', '甜甜', '小雨', '芒果', '奶茶', '小太阳', '兔兔', '豆豆'];
const PHRASES = ['幸福一家人', '平安是福', '知足常乐', '岁月静好', '花开富贵', '心想事成', '家和万事兴', '淡定人生', '一路有你', '梅花香自苦寒来', '荷塘月色', '静水流深', '快乐每一天', '随遇而安', '向阳而生', '健康就是福', '越努力越幸运', '做自己的太阳'];
const ENGLISH = ['Amy', 'Lily', 'Cindy', 'Grace', 'Coco', 'Vivian', 'Emma', 'Sunny', 'Kelly', 'Judy', 'Tina', 'Alice', 'Jenny', 'Helen', 'Lucy', 'Cherry', 'Winnie', 'Yoyo', 'Annie', 'Joy'];
const ENGLISH_MALE = ['Jack', 'Kevin', 'Tony', 'David', 'Leo', 'Eric', 'Jason', 'Frank', 'Peter', 'Sam'];
const KIDS = ['豆豆', '果果', '乐乐', '轩轩', '萌萌', '宝宝', '多多', '琪琪', '浩浩', '糖宝', '小宝', '团团'];
const PINYIN = ['xiaoyu', 'momo', 'tingting', 'lili', 'yaya', 'nana', 'sisi', 'jiajia', 'doudou', 'xinxin'];
const TRADES = ['美容养生', '瑜伽馆', '母婴店', '花艺', '烘焙', '茶舍', '服装店', '保险'];
const MALE_PHRASES = ['海阔天空', '天道酬勤', '老王', '大刘', '风轻云淡', '行者', '宁静致远', '上善若水', '老李'];

function givenOf(name: string): string {
  const chars = Array.from(name);
  return chars.slice(chars.length > 3 ? 2 : 1).join('');
}

export function nickname(rng: Rng, name: string, gender: Gender, birthYear: number): string {
  const surname = Array.from(name)[0];
  const given = givenOf(name);
  const last = Array.from(given).slice(-1)[0];
  const emoji = () => (rng.chance(0.5) ? rng.pick(EMOJI) : '');
  if (gender === 'male') {
    switch (rng.int(5)) {
      case 0: return rng.pick(MALE_PHRASES);
      case 1: return rng.pick(ENGLISH_MALE) + (rng.chance(0.3) ? `_${surname}` : '');
      case 2: return `${surname}${given}`;
      case 3: return `${rng.pick(KIDS)}爸爸`;
      default: return rng.pick(PHRASES);
    }
  }
  const young = birthYear >= 1985;
  const k = rng.int(12);
  if (k <= 1) return rng.pick(CUTE) + emoji();
  if (k === 2) return rng.pick(ENGLISH) + (rng.chance(0.3) ? rng.pick(EMOJI) : rng.chance(0.2) ? `_${surname}` : '');
  if (k === 3) return young ? `${rng.pick(KIDS)}${rng.pick(['妈', '妈妈', '妈咪'])}` : rng.pick(PHRASES);
  if (k === 4 || k === 5) return young ? rng.pick(CUTE) + emoji() : rng.pick(PHRASES) + emoji();
  if (k === 6) return `${last}${last}${emoji()}`;
  if (k === 7) return young ? `小${last}` : `${surname}姐`;
  if (k === 8) return `${rng.pick(PINYIN)}${rng.chance(0.5) ? '_' + String(rng.range(1, 12)).padStart(2, '0') + String(rng.range(1, 28)).padStart(2, '0') : ''}`;
  if (k === 9) return `${surname}${given}-${rng.pick(TRADES)}`;
  if (k === 10) return `阿${last}`;
  return rng.pick(PHRASES);
}

// ---- regions: provinces weighted by population × online spend; 山东 (home of 阿胶) a little up.
const REGIONS: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['广东', 120, ['广州', '深圳', '东莞', '佛山', '惠州', '珠海', '中山', '汕头', '江门']],
  ['江苏', 85, ['苏州', '南京', '无锡', '常州', '南通', '徐州', '扬州', '盐城']],
  ['浙江', 85, ['杭州', '宁波', '温州', '金华', '绍兴', '嘉兴', '台州']],
  ['山东', 80, ['济南', '青岛', '烟台', '潍坊', '临沂', '淄博', '聊城', '济宁']],
  ['上海', 55, ['上海']],
  ['北京', 50, ['北京']],
  ['河南', 45, ['郑州', '洛阳', '南阳', '新乡']],
  ['四川', 45, ['成都', '绵阳', '德阳', '宜宾']],
  ['福建', 40, ['福州', '厦门', '泉州', '漳州']],
  ['湖北', 38, ['武汉', '宜昌', '襄阳']],
  ['河北', 35, ['石家庄', '保定', '唐山', '廊坊']],
  ['湖南', 33, ['长沙', '株洲', '衡阳']],
  ['安徽', 30, ['合肥', '芜湖', '蚌埠']],
  ['辽宁', 22, ['沈阳', '大连', '鞍山']],
  ['陕西', 22, ['西安', '咸阳', '宝鸡']],
  ['天津', 18, ['天津']],
  ['重庆', 20, ['重庆']],
  ['江西', 18, ['南昌', '赣州', '九江']],
  ['广西', 16, ['南宁', '柳州', '桂林']],
  ['云南', 14, ['昆明', '大理', '曲靖']],
  ['山西', 13, ['太原', '大同', '运城']],
  ['黑龙江', 12, ['哈尔滨', '大庆', '齐齐哈尔']],
  ['吉林', 9, ['长春', '吉林']],
  ['贵州', 9, ['贵阳', '遵义']],
  ['内蒙古', 7, ['呼和浩特', '包头', '鄂尔多斯']],
  ['新疆', 6, ['乌鲁木齐', '克拉玛依']],
  ['甘肃', 5, ['兰州', '天水']],
  ['海南', 5, ['海口', '三亚']],
  ['宁夏', 2, ['银川']],
  ['青海', 1.5, ['西宁']],
  ['西藏', 0.5, ['拉萨']],
];
const PROVINCES = weighted(REGIONS.map(([p, w, cities]) => [{ province: p, cities }, w] as const));
// The first-listed (largest) city dominates its province.
const cityWeights = new Map(REGIONS.map(([p, , cities]) => [p, weighted(cities.map((c, i) => [c, i === 0 ? 3 : 1 / (i + 0.5)] as const))]));

export function region(rng: Rng): { province: string; city: string } {
  const p = PROVINCES.draw(rng);
  return { province: p.province, city: cityWeights.get(p.province)!.draw(rng) };
}

// ---- acquisition sources, and how their mix moves over two years (抖音 grows, 淘宝 shrinks).
export const SOURCES = ['包裹卡', '淘宝订单', '抖音订单', '直播间', '裂变活动', '公众号', '门店', '手动录入'] as const;
export type Source = (typeof SOURCES)[number];
const SOURCE_BASE: Record<Source, number> = { 包裹卡: 40, 淘宝订单: 20, 抖音订单: 12, 直播间: 8, 裂变活动: 8, 公众号: 6, 门店: 3, 手动录入: 3 };

/** `recency` 0 = two years ago, 1 = today. The marginals over the whole window stay near the base mix. */
export function source(rng: Rng, recency: number): Source {
  const w = { ...SOURCE_BASE };
  w.淘宝订单 *= 1.6 - recency;
  w.抖音订单 *= 0.3 + 1.1 * recency;
  w.直播间 *= 0.4 + recency;
  let x = rng.next() * Object.values(w).reduce((a, b) => a + b, 0);
  for (const s of SOURCES) {
    x -= w[s];
    if (x < 0) return s;
  }
  return '包裹卡';
}

// ---- phones: plausible mainland mobile prefixes, weighted by how common they are.
export const PHONE_PREFIXES = weighted<string>([
  ['138', 8], ['139', 8], ['137', 6], ['136', 6], ['135', 6], ['134', 4], ['133', 3], ['132', 3], ['131', 3], ['130', 3],
  ['150', 4], ['151', 4], ['152', 4], ['153', 2], ['155', 2], ['156', 3], ['157', 2], ['158', 5], ['159', 5],
  ['180', 3], ['181', 3], ['182', 3], ['183', 3], ['185', 3], ['186', 4], ['187', 4], ['188', 4], ['189', 4], ['184', 1],
  ['170', 1], ['171', 1], ['173', 2], ['175', 1], ['176', 2], ['177', 2], ['178', 2],
  ['191', 1], ['193', 1], ['195', 1], ['198', 2], ['199', 2], ['166', 1], ['147', 1],
]);

// ---- remarks operators write: one line of what matters for the next conversation.
const REMARKS_BY_LINE: Record<ProductLine, readonly string[]> = {
  '阿胶': ['怕上火，推荐阿胶糕小袋装', '产后调理，关注补气血', '经期前后不要推阿胶，等经期结束', '给妈妈买的，偏好礼盒装', '阿胶糕吃完一罐了，下周问效果'],
  '燕窝': ['孕期，燕窝问过医生再推荐', '只买鲜炖，不要干燕窝', '送人为主，节前提醒礼盒', '对燕窝溯源很在意，发溯源视频'],
  '酸枣仁·助眠': ['失眠多年，酸枣仁膏回购3次', '晚上11点后才有空回消息', '倒班护士，睡眠差，推荐安睡套装', '不喝茶，只要膏方'],
  '人参·黄芪': ['给父母买，偏好礼盒装', '男士，体力差，关注人参', '血压偏高，人参慎推', '公司福利采购，要开发票'],
  '花草茶·药食同源': ['办公室久坐，推荐祛湿茶', '湿气重，舌苔厚，推荐红豆薏米', '宝妈，不方便喝浓茶', '喜欢小包装，方便带去公司'],
};
const REMARKS_GENERAL = ['价格敏感，等大促再联系', '老客户，介绍过3个朋友', '不喜欢群发，单独私聊', '已加入阿胶交流群', '对阿胶过敏史？需确认后推荐', '直播间常客，每场都来', '退过一次货，包装破损，已补偿', '喜欢看养生小知识，朋友圈常点赞'];

export function remark(rng: Rng, line: ProductLine | null): string {
  if (line && rng.chance(0.65)) return rng.pick(REMARKS_BY_LINE[line]);
  return rng.pick(REMARKS_GENERAL);
}
