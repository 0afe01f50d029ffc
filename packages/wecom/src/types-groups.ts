// Customer groups (客户群), group join ways (群活码) and group welcome templates (spec §4).
import type { TextContent } from './types-messages.ts';

export type ListGroupChatsRequest = {
  status_filter?: 0 | 1 | 2 | 3; // 0 all, 1 owner left, 2 transferring, 3 transferred
  owner_filter?: { userid_list: string[] };
  cursor?: string;
  limit: number; // 1–1000
};
export type GroupChatListResult = { group_chat_list: { chat_id: string; status: number }[]; next_cursor?: string };

export type GroupMember = {
  userid: string;
  type: number; // 1 member, 2 external
  unionid?: string;
  join_time: number;
  join_scene: number; // 1 direct invite, 2 invite link, 3 group QR
  invitor?: { userid: string };
  group_nickname?: string;
  name?: string; // with need_name=1
  state?: string; // the join way's state
};
export type GroupChat = {
  chat_id: string;
  name?: string;
  owner: string;
  create_time: number;
  notice?: string;
  member_list: GroupMember[];
  admin_list?: { userid: string }[];
  member_version?: string; // matches LastMemVer/CurMemVer of the callback
};
export type GroupChatResult = { group_chat: GroupChat };

export type JoinWayFields = {
  scene: 1 | 2; // 1 mini-program, 2 QR
  remark?: string;
  auto_create_room?: 0 | 1; // WeCom's default 1
  room_base_name?: string;
  room_base_id?: number;
  chat_id_list: string[]; // ≤5
  state?: string;
};
export type AddJoinWayResult = { config_id: string };
export type JoinWay = JoinWayFields & { config_id: string; qr_code?: string };
export type GetJoinWayResult = { join_way: JoinWay };
/** update_join_way overwrites: send every field, not only the changed ones. */
export type UpdateJoinWayRequest = JoinWayFields & { config_id: string };

export type GroupWelcomeTemplate = {
  text?: TextContent;
  image?: { media_id?: string; pic_url?: string };
  link?: { title: string; picurl?: string; desc?: string; url: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
  file?: { media_id: string };
  video?: { media_id: string };
};
export type AddGroupWelcomeTemplateRequest = GroupWelcomeTemplate & { agentid?: number; notify?: 0 | 1 };
export type EditGroupWelcomeTemplateRequest = GroupWelcomeTemplate & { template_id: string; agentid?: number };
export type AddGroupWelcomeTemplateResult = { template_id: string };
