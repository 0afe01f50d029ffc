// A customer's source is stored as the Chinese words the server wrote (手动录入, 渠道活码,
// 淘宝订单…: customers.service, wecom-events.flow, order-writer with PLATFORM_NAMES, the demo),
// not as a code, so the translation keys are those words. One table for both languages keeps
// them from drifting apart; a source not listed here is shown as stored (labelOf).
const SOURCES = {
  手动录入: 'Entered manually',
  渠道活码: 'Channel live code',
  企业微信: 'WeCom',
  企业微信同步: 'WeCom sync',
  平台订单: 'Platform order',
  淘宝订单: 'Taobao order',
  天猫订单: 'Tmall order',
  京东订单: 'JD order',
  抖音订单: 'Douyin order',
  拼多多订单: 'Pinduoduo order',
  快手订单: 'Kuaishou order',
  有赞订单: 'Youzan order',
  微信小店订单: 'WeChat Shop order',
  包裹卡: 'Package card',
  直播间: 'Live stream',
  裂变活动: 'Referral campaign',
  公众号: 'Official account',
  门店: 'Store',
  未知: 'Unknown', // the overview's count of customers without a source
  // Codes some callers send instead of words.
  manual: ['手动创建', 'Manual'],
  import: ['导入', 'Import'],
  wecom: ['企业微信', 'WeCom'],
  live_code: ['渠道活码', 'Channel live code'],
  package_card: ['包裹卡', 'Package card'],
  fission: ['裂变', 'Referral'],
  group: ['社群', 'Group'],
  order: ['订单', 'Order'],
  unknown: ['未知', 'Unknown'],
} satisfies Record<string, string | [string, string]>;

type SourceNames = Record<keyof typeof SOURCES, string>;

function names(lang: 0 | 1): SourceNames {
  const out = {} as SourceNames;
  for (const [key, v] of Object.entries(SOURCES) as [keyof typeof SOURCES, string | [string, string]][]) {
    out[key] = Array.isArray(v) ? v[lang] : lang === 0 ? key : v;
  }
  return out;
}

export const customerSourceZhCN = names(0);
export const customerSourceEnUS = names(1);
