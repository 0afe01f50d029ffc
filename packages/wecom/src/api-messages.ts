// Mass messages (群发) and customer moments (朋友圈): spec §5 and §6.
import type { WecomCore } from './client-core.ts';
import type {
  AddMomentTaskRequest, AddMsgTemplateRequest, AddMsgTemplateResult, GroupMsgList, GroupMsgListRequest,
  GroupMsgSendResult, GroupMsgSendResultRequest, GroupMsgTaskList, GroupMsgTaskRequest, MomentList, MomentListRequest,
  MomentTaskList, MomentTaskRequest, MomentTaskResult,
} from './types-messages.ts';

const EC = '/cgi-bin/externalcontact';

export function messagesApi(core: WecomCore) {
  return {
    /** Creates a mass-message task; nothing is sent until the member confirms in the client. */
    addMsgTemplate: (req: AddMsgTemplateRequest) => core.call<AddMsgTemplateResult>('POST', `${EC}/add_msg_template`, { body: req, once: true }),
    /** ≤3 reminders per message per 24 h (41094). */
    remindGroupMsgSend: (msgid: string) => core.call('POST', `${EC}/remind_groupmsg_send`, { body: { msgid } }),
    cancelGroupMsgSend: (msgid: string) => core.call('POST', `${EC}/cancel_groupmsg_send`, { body: { msgid } }),
    getGroupMsgListV2: (req: GroupMsgListRequest) => core.call<GroupMsgList>('POST', `${EC}/get_groupmsg_list_v2`, { body: req }),
    getGroupMsgTask: (req: GroupMsgTaskRequest) => core.call<GroupMsgTaskList>('POST', `${EC}/get_groupmsg_task`, { body: req }),
    getGroupMsgSendResult: (req: GroupMsgSendResultRequest) =>
      core.call<GroupMsgSendResult>('POST', `${EC}/get_groupmsg_send_result`, { body: req }),

    /** Asynchronous: returns a jobid to poll with getMomentTaskResult. */
    addMomentTask: (req: AddMomentTaskRequest) => core.call<{ jobid: string }>('POST', `${EC}/add_moment_task`, { body: req, once: true }),
    getMomentTaskResult: (jobid: string) => core.call<MomentTaskResult>('GET', `${EC}/get_moment_task_result`, { query: { jobid } }),
    cancelMomentTask: (momentId: string) => core.call('POST', `${EC}/cancel_moment_task`, { body: { moment_id: momentId } }),
    getMomentList: (req: MomentListRequest) => core.call<MomentList>('POST', `${EC}/get_moment_list`, { body: req }),
    getMomentTask: (req: MomentTaskRequest) => core.call<MomentTaskList>('POST', `${EC}/get_moment_task`, { body: req }),
  };
}
