// §4 group welcome templates: text plus at most one attachment, ≤100 per corp (41055), an app may
// edit or delete only its own (41058).
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { GroupWelcomeTemplate } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';
import { optInt, optString } from './params.ts';
import { newTemplateId, unique } from './ids.ts';
import { mediaAlive, textContent } from './attachments.ts';

const P = '/cgi-bin/externalcontact/group_welcome_template';
const KINDS = ['image', 'link', 'miniprogram', 'file', 'video'] as const;

function body(ctx: ApiCtx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = textContent(ctx.p.text, 3000);
  if (text) out.text = text;
  const kinds = KINDS.filter((k) => ctx.p[k] !== undefined && ctx.p[k] !== null);
  if (kinds.length > 1) throw invalidParam('at most one of image, link, miniprogram, file, video');
  for (const k of kinds) {
    const a = ctx.p[k] as Record<string, unknown>;
    for (const key of ['media_id', 'pic_media_id']) {
      if (a[key] !== undefined && !mediaAlive(ctx.corp, ctx.sim.now(), a[key])) throw new WecomError(40007, `invalid media_id ${String(a[key])}`);
    }
    out[k] = a;
  }
  if (Object.keys(out).length === 0) throw invalidParam('text and attachment are both empty');
  return out;
}

function template(ctx: ApiCtx, mustOwn: boolean): GroupWelcomeTemplate {
  const id = optString(ctx.p, 'template_id');
  const t = id ? ctx.corp.group_welcome_templates[id] : undefined;
  if (!t) throw new WecomError(40037, 'invalid template_id');
  if (mustOwn && t.agentid !== (optInt(ctx.p, 'agentid') ?? ctx.agentid)) throw new WecomError(41058, 'no permission on this template');
  return t;
}

function add(ctx: ApiCtx) {
  const { corp, sim } = ctx;
  if (Object.keys(corp.group_welcome_templates).length >= sim.limits.groupWelcomeTemplates) {
    throw new WecomError(41055, `at most ${sim.limits.groupWelcomeTemplates} group welcome templates`);
  }
  const t: GroupWelcomeTemplate = {
    template_id: unique(newTemplateId, (id) => id in corp.group_welcome_templates), agentid: optInt(ctx.p, 'agentid') ?? ctx.agentid,
    body: body(ctx), notify: optInt(ctx.p, 'notify') ?? 1,
  };
  corp.group_welcome_templates[t.template_id] = t;
  return { template_id: t.template_id };
}

function edit(ctx: ApiCtx) {
  const t = template(ctx, true);
  t.body = body(ctx);
  return {};
}

function del(ctx: ApiCtx) {
  delete ctx.corp.group_welcome_templates[template(ctx, true).template_id];
  return {};
}

export const groupWelcomeApis: ApiRoute[] = [
  { path: `${P}/add`, method: 'POST', handler: add },
  { path: `${P}/edit`, method: 'POST', handler: edit },
  { path: `${P}/get`, method: 'POST', handler: (c) => ({ ...template(c, false).body }), reads: true },
  { path: `${P}/del`, method: 'POST', handler: del },
];
