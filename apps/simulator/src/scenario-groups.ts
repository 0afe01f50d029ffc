// Scenario API, customer groups: create, join (optionally through a join way, which sets the
// member's state), leave, and scanning a join way.
import type { FastifyInstance } from 'fastify';
import type { ScenarioDeps } from './scenario-http.ts';
import { badRequest, notFound } from './errors.ts';
import { requireCorp } from './sim-context.ts';
import { simRoute } from './scenario-http.ts';
import { optNum, optStr, optStrs, str } from './body-fields.ts';
import { createGroup, joinGroup, leaveGroup, requireGroup, scanJoinWay } from './group-ops.ts';

export function registerGroupScenario(app: FastifyInstance, deps: ScenarioDeps) {
  const { sim } = deps;

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/groups', ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const g = createGroup(sim, corp, {
      owner: str(body, 'owner'), name: str(body, 'name'), member_userids: optStrs(body, 'member_userids'), external_userids: optStrs(body, 'external_userids'),
    });
    return { chat_id: g.chat_id, member_version: g.member_version };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/groups/:chat_id/join', ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const g = requireGroup(corp, params.chat_id);
    const via = optStr(body, 'via_config_id');
    let state: string | undefined;
    if (via) {
      const w = corp.join_ways[via];
      if (!w) throw notFound(`no join way ${via}`);
      if (!w.chat_id_list.includes(g.chat_id)) throw badRequest(`join way ${via} does not lead to ${g.chat_id}`);
      state = w.state;
    }
    const scene = optNum(body, 'join_scene');
    if (scene !== undefined && ![1, 2, 3].includes(scene)) throw badRequest('join_scene must be 1 (invite), 2 (invite link) or 3 (QR)');
    joinGroup(sim, corp, g, {
      external_userid: optStr(body, 'external_userid'), userid: optStr(body, 'userid'), join_scene: scene ?? (via ? 3 : 1), state,
      invitor: optStr(body, 'invitor'),
    });
    return { chat_id: g.chat_id, member_version: g.member_version };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/groups/:chat_id/leave', ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const g = requireGroup(corp, params.chat_id);
    const quit = optNum(body, 'quit_scene');
    if (quit !== undefined && quit !== 0 && quit !== 1) throw badRequest('quit_scene must be 0 (left) or 1 (removed)');
    leaveGroup(sim, corp, g, { external_userid: optStr(body, 'external_userid'), userid: optStr(body, 'userid'), quit_scene: quit });
    return { chat_id: g.chat_id, member_version: g.member_version };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/join-ways/:config_id/scan', ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const ext = str(body, 'external_userid');
    if (!corp.customers[ext]) throw notFound(`no customer ${ext}`);
    const { group, created } = scanJoinWay(sim, corp, params.config_id, ext);
    return { chat_id: group.chat_id, created, member_version: group.member_version };
  });
}
