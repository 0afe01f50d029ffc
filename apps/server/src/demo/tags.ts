// The demo brand's tag system: lifecycle stage, product preference, what was bought, body type
// (体质, how tonic shops segment), channel and value — all manual tags, coloured with antd presets.
import type { Deps } from '../deps.ts';
import { createGroup, createTag, type Actor } from './ports.ts';
import { PRODUCT_LINES, PURCHASE_TAGS } from './catalogue.ts';

export const STAGE_TAGS = ['新客', '复购客', '流失预警', '沉睡客'] as const;
export type StageTag = (typeof STAGE_TAGS)[number];
export const CONSTITUTION_TAGS = ['气虚', '血虚', '阴虚', '湿热', '平和'] as const;
export const CHANNEL_TAGS = ['包裹卡', '直播间', '公众号', '裂变活动', '门店'] as const;
export const VALUE_TAGS = ['高价值', 'KOC', '羊毛党风险'] as const;

const GROUPS: ReadonlyArray<{ name: string; tags: ReadonlyArray<readonly [string, string]> }> = [
  { name: '客户阶段', tags: [['新客', 'green'], ['复购客', 'blue'], ['流失预警', 'orange'], ['沉睡客', '#8c8c8c']] },
  { name: '产品偏好', tags: PRODUCT_LINES.map((l) => [l.preferenceTag, l.color] as const) },
  { name: '已购商品', tags: PURCHASE_TAGS.map((t) => [t.name, t.color] as const) },
  { name: '体质', tags: [['气虚', 'gold'], ['血虚', 'red'], ['阴虚', 'magenta'], ['湿热', 'lime'], ['平和', 'cyan']] },
  { name: '渠道', tags: [['包裹卡', 'geekblue'], ['直播间', 'volcano'], ['公众号', 'green'], ['裂变活动', 'purple'], ['门店', 'cyan']] },
  { name: '价值', tags: [['高价值', 'gold'], ['KOC', 'magenta'], ['羊毛党风险', '#ff4d4f']] },
];

/** Tag names are unique across the demo's groups, so callers look tags up by name. */
export type DemoTags = Map<string, { id: string; group: string }>;

export async function seedTags(deps: Deps, owner: Actor): Promise<DemoTags> {
  const out: DemoTags = new Map();
  let order = 0;
  for (const g of GROUPS) {
    const group = await createGroup(deps, owner, { name: g.name, sortOrder: order++ });
    for (const [name, color] of g.tags) {
      const tag = await createTag(deps, owner, { groupId: group.id, name, color });
      out.set(name, { id: tag.id, group: g.name });
    }
  }
  return out;
}
