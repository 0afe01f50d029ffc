// Every quota the simulator enforces. Defaults follow the spec (wecom-api.md); where the spec marks a
// number [?] it is still a default here, so tests and demos can move it without code changes.
export type SimLimits = {
  tokenTtlSeconds: number; // gettoken expires_in
  // §11 frequency limits, per (corp, api) and per (ip, api); 45009 past them.
  corpApiPerMinute: number;
  corpApiPerHour: number;
  ipApiPerMinute: number;
  ipApiPerHour: number;
  // §2 contacts and tags
  corpTags: number; // 40126
  tagNameChars: number; // 40072
  followUserPage: number; // externalcontact/get pages follow_user past this many
  batchUserids: number; // batch/get_by_user userid_list
  batchLimitMax: number;
  batchLimitDefault: number;
  remarkChars: number;
  descriptionChars: number;
  // Real WeCom answers externalcontact/list for a member without customers with 84061 rather
  // than an empty list; false turns that quirk off.
  listEmptyIs84061: boolean;
  // §3 contact ways
  contactWayUsers: number; // 41041
  contactWayStateChars: number; // 40058
  contactWayRemarkChars: number;
  waysPerCorp: number; // contact ways + join ways, 41045
  tempWayMaxSeconds: number;
  welcomeCodeSeconds: number;
  // §4 groups
  groupMembers: number;
  joinWayChats: number; // 41091
  groupWelcomeTemplates: number; // 41055
  groupTransfersPer90Days: number;
  // §5 mass messages
  massExternalUserids: number;
  massChatIds: number;
  massAttachments: number; // 41064
  massPerCustomerPerMonth: number; // corp-created, natural month (Asia/Shanghai); 0 = no cap
  massPerCustomerPerDay: number; // 0 = no cap (the [?] "1 per day" rule, off by default)
  massPerGroupPerMonth: number; // 0 = no cap
  massRemindsPer24h: number; // 41094
  // §6 moments
  momentImages: number;
  // §7 transfers
  transferCustomersPerCall: number;
  transfersPer90Days: number; // 40128
  transferTakeoverSeconds: number;
  // §8 acquisition links
  acquisitionLinks: number; // 41095
  acquisitionLinkUsers: number;
  acquisitionQuota: number; // starting balance of customer_acquisition_quota
  // media
  mediaTtlSeconds: number;
  uploadImgPerDay: number;
  // chat messages kept per corp (the future session-archive source); the oldest go first
  chatMessagesKept: number;
  // delivery log entries kept per corp once finished (pending ones are never trimmed)
  callbackLogSize: number;
};

export const defaultLimits: SimLimits = {
  tokenTtlSeconds: 7200,
  corpApiPerMinute: 10_000,
  corpApiPerHour: 150_000,
  ipApiPerMinute: 20_000,
  ipApiPerHour: 600_000,
  corpTags: 3000,
  tagNameChars: 30,
  followUserPage: 500,
  batchUserids: 100,
  batchLimitMax: 100,
  batchLimitDefault: 50,
  remarkChars: 20,
  descriptionChars: 150,
  listEmptyIs84061: true,
  contactWayUsers: 100,
  contactWayStateChars: 30,
  contactWayRemarkChars: 30,
  waysPerCorp: 500_000,
  tempWayMaxSeconds: 14 * 86400,
  welcomeCodeSeconds: 20,
  groupMembers: 200,
  joinWayChats: 5,
  groupWelcomeTemplates: 100,
  groupTransfersPer90Days: 2,
  massExternalUserids: 10_000,
  massChatIds: 2000,
  massAttachments: 9,
  massPerCustomerPerMonth: 4,
  massPerCustomerPerDay: 0,
  massPerGroupPerMonth: 0,
  massRemindsPer24h: 3,
  momentImages: 9,
  transferCustomersPerCall: 100,
  transfersPer90Days: 2,
  transferTakeoverSeconds: 86400,
  acquisitionLinks: 10_000,
  acquisitionLinkUsers: 500,
  acquisitionQuota: 10_000,
  mediaTtlSeconds: 3 * 86400,
  uploadImgPerDay: 100,
  chatMessagesKept: 100_000,
  callbackLogSize: 10_000,
};
