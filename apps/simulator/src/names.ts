// Nicknames that look like real WeChat users' for the demo: real names, "小X", English names,
// phrases, a flower or a star here and there.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲丹建国文杨梅琳雪婷宇浩晨欣怡佳悦子涵梓轩思源雨萱诗若晴嘉欣一'];
const SOLO = ['小', '阿', '老'];
const PHRASES = ['快乐每一天', '岁月静好', '知足常乐', '向阳而生', '简单生活', '追光的人', '一只小可爱', '晴天', '慢慢来', '好运连连', '平安喜乐', '不忘初心', '云淡风轻', '花开半夏', '星辰大海'];
const ENGLISH = ['Lily', 'Amy', 'Coco', 'Vicky', 'Kevin', 'Jack', 'Grace', 'Cherry', 'Sunny', 'Tina', 'Leo', 'Emma', 'Candy', 'Annie', 'Jason', 'Yuki'];
const EMOJI = ['🌸', '🌻', '✨', '🍀', '🌙', '☀️', '🐱', '🌈'];
const ROLES = ['妈妈', '女士', '先生', '姐', '哥'];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

export function chineseNickname(): string {
  const r = Math.random();
  let name: string;
  if (r < 0.35) name = pick(SURNAMES) + pick(GIVEN) + (Math.random() < 0.6 ? pick(GIVEN) : '');
  else if (r < 0.5) name = pick(SOLO) + pick(GIVEN);
  else if (r < 0.62) name = pick(SURNAMES) + pick(ROLES);
  else if (r < 0.8) name = pick(PHRASES);
  else if (r < 0.92) name = pick(ENGLISH);
  else name = `${pick(GIVEN)}${pick(GIVEN)}的${pick(ROLES)}`;
  return Math.random() < 0.15 ? name + pick(EMOJI) : name;
}

export const CHAT_LINES = ['你好', '在吗？', '请问这个还有货吗', '什么时候发货呀', '收到了，谢谢', '有优惠券吗', '好的', '👍', '怎么用比较好', '能便宜点吗'];
export const randomLine = () => pick(CHAT_LINES);
export { pick };
