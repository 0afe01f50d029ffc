// Customer acquisition links (获客助手), spec §8.

export type AcquisitionRange = { user_list?: string[]; department_list?: number[] };
export type PriorityOption = { priority_type?: number; priority_userid_list?: string[] };

export type CreateAcquisitionLinkRequest = {
  link_name: string;
  range: AcquisitionRange;
  skip_verify?: boolean; // WeCom's default true
  priority_option?: PriorityOption;
};
export type AcquisitionLink = { link_id: string; link_name: string; url: string; create_time: number };
export type CreateAcquisitionLinkResult = { link: AcquisitionLink };

export type ListAcquisitionLinksRequest = { limit?: number; cursor?: string };
export type ListAcquisitionLinksResult = { link_id_list: string[]; next_cursor?: string };

export type GetAcquisitionLinkResult = { link: AcquisitionLink; range: AcquisitionRange; skip_verify?: boolean; priority_option?: PriorityOption };

export type UpdateAcquisitionLinkRequest = {
  link_id: string;
  link_name?: string;
  range?: AcquisitionRange;
  skip_verify?: boolean;
  priority_option?: PriorityOption;
};

export type AcquisitionCustomersRequest = { link_id: string; limit?: number; cursor?: string };
export type AcquisitionCustomersResult = {
  customer_list: { external_userid: string; userid: string; chat_status: number; state?: string }[];
  next_cursor?: string;
};

export type AcquisitionQuota = { total: number; balance: number; quota_list?: { expire_date: number; balance: number }[] };
