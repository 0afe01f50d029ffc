// Mass messages (群发), moments (朋友圈) and the attachments they share (spec §5, §6).

export type TextContent = { content: string };

export type Attachment =
  | { msgtype: 'image'; image: { media_id?: string; pic_url?: string } }
  | { msgtype: 'link'; link: { title: string; picurl?: string; desc?: string; url: string; media_id?: string } }
  | { msgtype: 'miniprogram'; miniprogram: { title: string; pic_media_id: string; appid: string; page: string } }
  | { msgtype: 'video'; video: { media_id: string } }
  | { msgtype: 'file'; file: { media_id: string } };

export type AddMsgTemplateRequest = {
  chat_type?: 'single' | 'group';
  external_userid?: string[]; // single only, ≤10,000
  chat_id_list?: string[]; // group only, ≤2000
  tag_filter?: { group_list: { tag_list: string[] }[] };
  sender?: string; // required for group
  allow_select?: boolean;
  text?: TextContent;
  attachments?: Attachment[]; // ≤9
};
export type AddMsgTemplateResult = { fail_list?: string[]; msgid: string };

export type GroupMsgListRequest = {
  chat_type: 'single' | 'group';
  start_time: number;
  end_time: number;
  creator?: string;
  filter_type?: 0 | 1 | 2; // 0 corp, 1 personal, 2 all
  limit?: number;
  cursor?: string;
};
export type GroupMsg = { msgid: string; creator?: string; create_time: number | string; create_type: number; text?: TextContent; attachments?: Attachment[] };
export type GroupMsgList = { group_msg_list: GroupMsg[]; next_cursor?: string };

export type GroupMsgTaskRequest = { msgid: string; limit?: number; cursor?: string };
export type GroupMsgTask = { userid: string; status: number /* 0 not sent, 2 sent */; send_time?: number };
export type GroupMsgTaskList = { task_list: GroupMsgTask[]; next_cursor?: string };

export type GroupMsgSendResultRequest = { msgid: string; userid: string; limit?: number; cursor?: string };
/** status: 0 not sent, 1 sent, 2 not a friend, 3 customer already received another mass message. */
export type GroupMsgSend = { external_userid?: string; chat_id?: string; userid: string; status: number; send_time?: number };
export type GroupMsgSendResult = { send_list: GroupMsgSend[]; next_cursor?: string };

export type MomentAttachment =
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'video'; video: { media_id: string } }
  | { msgtype: 'link'; link: { title?: string; url: string; media_id: string } };

export type AddMomentTaskRequest = {
  text?: TextContent;
  attachments?: MomentAttachment[]; // ≤9 images, or 1 video, or 1 link
  visible_range?: {
    sender_list?: { user_list?: string[]; department_list?: number[] };
    external_contact_list?: { tag_list?: string[] };
  };
};
export type MomentTaskResult = {
  status: number; // 1 started, 2 running, 3 done
  type: string; // "add_moment_task"
  result?: {
    errcode: number;
    errmsg: string;
    moment_id?: string;
    invalid_sender_list?: { user_list?: string[]; department_list?: number[] };
    invalid_external_contact_list?: { tag_list?: string[] };
  };
};

export type MomentListRequest = { start_time: number; end_time: number; creator?: string; filter_type?: 0 | 1 | 2; cursor?: string; limit?: number };
export type Moment = {
  moment_id: string;
  creator?: string;
  create_time: number | string;
  create_type: number;
  visible_type: number;
  text?: TextContent;
  image?: { media_id: string }[];
  video?: { media_id: string; thumb_media_id?: string };
  link?: { title?: string; url: string };
  location?: { latitude: string; longitude: string; name: string };
};
export type MomentList = { moment_list: Moment[]; next_cursor?: string };
export type MomentTaskRequest = { moment_id: string; cursor?: string; limit?: number };
export type MomentTaskList = { task_list: { userid: string; publish_status: number }[]; next_cursor?: string };
