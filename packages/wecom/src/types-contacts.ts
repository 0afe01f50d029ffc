// Customers (客户) and corp tags (企业标签): WeCom's own snake_case fields (spec §2).

export type ExternalContact = {
  external_userid: string;
  name: string;
  position?: string;
  avatar?: string;
  corp_name?: string;
  corp_full_name?: string;
  type: number; // 1 WeChat user, 2 WeCom user
  gender?: number; // 0 unknown, 1 male, 2 female
  unionid?: string; // only when the corp bound a WeChat open-platform account
  external_profile?: Record<string, unknown>;
};

export type FollowUserTag = { group_name?: string; tag_name?: string; tag_id?: string; type: number /* 1 corp, 2 personal, 3 strategy */ };

export type FollowUser = {
  userid: string;
  remark?: string;
  description?: string;
  createtime: number;
  tags?: FollowUserTag[];
  remark_corp_name?: string;
  remark_mobiles?: string[];
  oper_userid?: string;
  add_way?: number; // 0 unknown, 1 QR, 2 mobile search, 3 card share, 4 group, … 201 internal share, 202 assignment
  state?: string; // the contact way's state: channel attribution
  wechat_channels?: Record<string, unknown>;
};

/** batch/get_by_user's per-member view: corp tag ids only, no personal tags. */
export type FollowInfo = Omit<FollowUser, 'tags'> & { tag_id?: string[] };

export type FollowUserList = { follow_user: string[] };
export type ExternalUserIdList = { external_userid: string[] };
export type ExternalContactDetail = { external_contact: ExternalContact; follow_user: FollowUser[]; next_cursor?: string };

export type BatchGetByUserRequest = { userid_list: string[]; cursor?: string; limit?: number };
export type BatchContact = { external_contact: ExternalContact; follow_info: FollowInfo };
export type BatchGetByUserResult = { external_contact_list: BatchContact[]; next_cursor?: string };

/** Where a paged walk over batch/get_by_user stands: the userids chunk and the cursor inside it. */
export type ContactsCheckpoint = { chunk: number; cursor: string };
export type ContactsPage = {
  items: BatchContact[];
  chunk: number; // index of the 100-userid chunk this page belongs to
  userids: string[]; // that chunk
  cursor: string; // the cursor this page was fetched with ('' = the chunk's first page)
  /** Save this to resume after the page is processed; null when the walk is complete. */
  next: ContactsCheckpoint | null;
};

export type RemarkRequest = {
  userid: string;
  external_userid: string;
  remark?: string; // ≤20 chars
  description?: string; // ≤150 chars
  remark_company?: string; // ≤20 chars, WeChat users only
  remark_mobiles?: string[]; // [""] clears
  remark_pic_mediaid?: string;
};

export type CorpTag = { id: string; name: string; create_time?: number; order?: number; deleted?: boolean };
export type CorpTagGroup = { group_id: string; group_name: string; create_time?: number; order?: number; deleted?: boolean; tag: CorpTag[] };

export type CorpTagListRequest = { tag_id?: string[]; group_id?: string[] };
export type CorpTagList = { tag_group: CorpTagGroup[] };
export type AddCorpTagRequest = {
  group_id?: string;
  group_name?: string;
  order?: number;
  tag: { name: string; order?: number }[];
  agentid?: number;
};
export type AddCorpTagResult = { tag_group: CorpTagGroup };
export type EditCorpTagRequest = { id: string; name?: string; order?: number; agentid?: number };
export type DelCorpTagRequest = { tag_id?: string[]; group_id?: string[]; agentid?: number };
export type MarkTagRequest = { userid: string; external_userid: string; add_tag?: string[]; remove_tag?: string[] };
