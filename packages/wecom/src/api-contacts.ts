// Customers (客户管理) and corp tags (企业标签): spec §2.
import type { WecomCore } from './client-core.ts';
import type {
  AddCorpTagRequest, AddCorpTagResult, BatchGetByUserRequest, BatchGetByUserResult, ContactsCheckpoint, ContactsPage,
  CorpTagList, CorpTagListRequest, DelCorpTagRequest, EditCorpTagRequest, ExternalContactDetail, ExternalUserIdList,
  FollowUserList, MarkTagRequest, RemarkRequest,
} from './types-contacts.ts';

const EC = '/cgi-bin/externalcontact';
// batch/get_by_user takes at most 100 userids per call.
const USERIDS_PER_CALL = 100;

/** Adds the client's agentid where the request has none (tag ownership is per app). */
export function withAgent<T extends { agentid?: number }>(core: WecomCore, req: T): T {
  return req.agentid === undefined && core.agentId !== undefined ? { ...req, agentid: core.agentId } : req;
}

export function contactsApi(core: WecomCore) {
  const batchGetByUser = (req: BatchGetByUserRequest) => core.call<BatchGetByUserResult>('POST', `${EC}/batch/get_by_user`, { body: req });

  /**
   * Every customer of the given members, page by page: userids go 100 per call and each chunk is
   * followed through next_cursor. Each page carries `next`, the checkpoint to save once the page is
   * processed; pass it back as `from` (with the same userids in the same order) to resume there.
   */
  async function* iterateContactsByUser(userids: string[], limit = 100, from?: ContactsCheckpoint): AsyncGenerator<ContactsPage> {
    const chunks: string[][] = [];
    for (let i = 0; i < userids.length; i += USERIDS_PER_CALL) chunks.push(userids.slice(i, i + USERIDS_PER_CALL));
    for (let c = from?.chunk ?? 0; c < chunks.length; c++) {
      let cursor = from && c === from.chunk ? from.cursor : '';
      for (;;) {
        const res = await batchGetByUser({ userid_list: chunks[c], cursor: cursor || undefined, limit });
        const nextCursor = res.next_cursor ?? '';
        // A cursor that does not move would page forever.
        if (nextCursor && nextCursor === cursor) throw new Error(`batch/get_by_user returned the same cursor twice: ${cursor}`);
        const next = nextCursor ? { chunk: c, cursor: nextCursor } : c + 1 < chunks.length ? { chunk: c + 1, cursor: '' } : null;
        yield { items: res.external_contact_list ?? [], chunk: c, userids: chunks[c], cursor, next };
        if (!nextCursor) break;
        cursor = nextCursor;
      }
    }
  }

  return {
    /** Members with customer contact enabled. */
    getFollowUserList: () => core.call<FollowUserList>('GET', `${EC}/get_follow_user_list`),
    /** external_userids of one member's customers. */
    listExternalContacts: (userid: string) => core.call<ExternalUserIdList>('GET', `${EC}/list`, { query: { userid } }),
    /** One customer with its followers; page with `cursor` when it has more than 500 followers. */
    getExternalContact: (externalUserId: string, cursor?: string) =>
      core.call<ExternalContactDetail>('GET', `${EC}/get`, { query: { external_userid: externalUserId, cursor } }),
    batchGetByUser,
    iterateContactsByUser,
    /** Remark, description, company, mobiles or picture of one (member, customer) relation. */
    remark: (req: RemarkRequest) => core.call('POST', `${EC}/remark`, { body: req }),

    /** Both filters empty = every tag; if both are given WeCom uses group_id. */
    getCorpTagList: (req: CorpTagListRequest = {}) => core.call<CorpTagList>('POST', `${EC}/get_corp_tag_list`, { body: req }),
    addCorpTag: (req: AddCorpTagRequest) => core.call<AddCorpTagResult>('POST', `${EC}/add_corp_tag`, { body: withAgent(core, req), once: true }),
    editCorpTag: (req: EditCorpTagRequest) => core.call('POST', `${EC}/edit_corp_tag`, { body: withAgent(core, req) }),
    delCorpTag: (req: DelCorpTagRequest) => core.call('POST', `${EC}/del_corp_tag`, { body: withAgent(core, req) }),
    /** Adds/removes corp tags on one (member, customer) relation. WeCom sends no callback for it. */
    markTag: (req: MarkTagRequest) => core.call('POST', `${EC}/mark_tag`, { body: req }),
  };
}
