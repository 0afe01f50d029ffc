// Customer groups, group join ways and group welcome templates: spec §4.
import type { WecomCore } from './client-core.ts';
import { withAgent } from './api-contacts.ts';
import type {
  AddGroupWelcomeTemplateRequest, AddGroupWelcomeTemplateResult, AddJoinWayResult, EditGroupWelcomeTemplateRequest,
  GetJoinWayResult, GroupChatListResult, GroupChatResult, GroupWelcomeTemplate, JoinWayFields, ListGroupChatsRequest,
  UpdateJoinWayRequest,
} from './types-groups.ts';

const GC = '/cgi-bin/externalcontact/groupchat';
const TPL = '/cgi-bin/externalcontact/group_welcome_template';

export function groupsApi(core: WecomCore) {
  return {
    /** Without owner_filter and with >1000 visible members WeCom answers 81017. */
    listGroupChats: (req: ListGroupChatsRequest) => core.call<GroupChatListResult>('POST', `${GC}/list`, { body: req }),
    getGroupChat: (chatId: string, needName = false) =>
      core.call<GroupChatResult>('POST', `${GC}/get`, { body: { chat_id: chatId, need_name: needName ? 1 : 0 } }),

    addJoinWay: (req: JoinWayFields) => core.call<AddJoinWayResult>('POST', `${GC}/add_join_way`, { body: req, once: true }),
    getJoinWay: (configId: string) => core.call<GetJoinWayResult>('POST', `${GC}/get_join_way`, { body: { config_id: configId } }),
    /** Overwrites the whole join way. */
    updateJoinWay: (req: UpdateJoinWayRequest) => core.call('POST', `${GC}/update_join_way`, { body: req }),
    delJoinWay: (configId: string) => core.call('POST', `${GC}/del_join_way`, { body: { config_id: configId } }),

    addGroupWelcomeTemplate: (req: AddGroupWelcomeTemplateRequest) =>
      core.call<AddGroupWelcomeTemplateResult>('POST', `${TPL}/add`, { body: withAgent(core, req), once: true }),
    editGroupWelcomeTemplate: (req: EditGroupWelcomeTemplateRequest) => core.call('POST', `${TPL}/edit`, { body: withAgent(core, req) }),
    getGroupWelcomeTemplate: (templateId: string) =>
      core.call<GroupWelcomeTemplate>('POST', `${TPL}/get`, { body: { template_id: templateId } }),
    delGroupWelcomeTemplate: (templateId: string, agentid?: number) =>
      core.call('POST', `${TPL}/del`, { body: withAgent(core, { template_id: templateId, agentid }) }),
  };
}
