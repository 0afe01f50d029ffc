// Departure and in-service inheritance (在职 / 离职继承), spec §7.

export type TransferCustomerRequest = {
  handover_userid: string;
  takeover_userid: string;
  external_userid: string[]; // ≤100
  transfer_success_msg?: string; // in-service only, ≤200 chars
};
/** errcode 0 only means the transfer started (the customer may still refuse). */
export type TransferCustomerResult = { customer: { external_userid: string; errcode: number }[] };

export type TransferResultRequest = { handover_userid: string; takeover_userid: string; cursor?: string };
/** status: 1 done, 2 waiting, 3 refused, 4 takeover member at its customer limit, 5 no record. */
export type TransferResult = { customer: { external_userid: string; status: number; takeover_time?: number }[]; next_cursor?: string };

export type UnassignedListRequest = { cursor?: string; page_size?: number };
export type UnassignedList = {
  info: { handover_userid: string; external_userid: string; dimission_time: number }[];
  is_last?: boolean;
  next_cursor?: string;
};

export type GroupChatTransferRequest = { chat_id_list: string[]; new_owner: string };
export type GroupChatTransferResult = { failed_chat_list?: { chat_id: string; errcode: number; errmsg: string }[] };
