// Typed errors of the WeCom client. WeCom answers errors with HTTP 200 and an errcode; the table
// below gives each errcode the client or an operator cares about a stable kind (code branches on
// kinds, never on numbers) and a short Chinese message an operator can act on. Texts follow the
// global errcode page (90313); codes not listed map to 'unknown' and keep WeCom's own errmsg.

const ERRCODES = {
  '-1': ['system_busy', '企业微信系统繁忙，稍后重试'],
  40001: ['invalid_secret', '应用 Secret 无效（已重置或应用已停用）'],
  40003: ['invalid_userid', '无效的 UserID（或 POST 接口用了 GET）'],
  40004: ['invalid_media_type', '不合法的媒体文件类型'],
  40005: ['invalid_file_type', '不合法的 type 参数'],
  40006: ['invalid_file_size', '不合法的文件大小'],
  40007: ['invalid_media_id', '不合法或已过期的 media_id'],
  40013: ['invalid_corpid', '不合法的 CorpID'],
  40014: ['token_invalid', 'access_token 不合法'],
  40056: ['invalid_agentid', '不合法的 agentid'],
  40058: ['invalid_param', '请求参数不合法'],
  40068: ['invalid_tag_id', '不合法的标签或标签组 ID'],
  40096: ['invalid_external_userid', '不合法的外部联系人 userid，或跟进成员不在应用可见范围'],
  40097: ['handover_not_resigned', '原跟进成员尚未离职'],
  40126: ['tag_limit', '企业标签数量已达上限（3000 个）'],
  40128: ['transfer_too_frequent', '客户转接过于频繁（90 天内每位客户仅可转接 2 次）'],
  40129: ['transfer_in_progress', '客户正在转接中'],
  40130: ['transfer_same_user', '原跟进人与接替成员相同，不可继承'],
  40143: ['takeover_user_banned', '接替成员被封禁，无法继承客户'],
  40206: ['body_too_large', '请求包体过大'],
  41001: ['token_missing', '缺少 access_token（须放在 URL 查询串中）'],
  41018: ['tag_name_missing', '缺少标签名'],
  41037: ['contact_way_type_missing', '缺少「联系我」type 参数'],
  41038: ['contact_way_scene_missing', '缺少「联系我」scene 参数'],
  41039: ['contact_way_type_invalid', '无效的「联系我」type 参数'],
  41040: ['contact_way_scene_invalid', '无效的「联系我」scene 参数'],
  41041: ['contact_way_user_limit', '「联系我」使用人数超过上限（100 人）'],
  41042: ['contact_way_style_invalid', '无效的「联系我」style 参数'],
  41043: ['config_id_missing', '缺少 config_id 参数'],
  41044: ['config_id_invalid', '无效的 config_id 参数'],
  41045: ['contact_way_quota', 'API 创建的联系我/加群方式已达上限（50 万）'],
  41048: ['no_sendable_customer', '没有可发送的客户'],
  41049: ['welcome_code_missing', '缺少欢迎语 code'],
  41050: ['welcome_code_invalid', '欢迎语 code 无效或已过期（须在加好友后 20 秒内使用）'],
  41051: ['welcome_code_used', '客户已开始聊天或欢迎语已由其他应用发送'],
  41055: ['group_welcome_template_limit', '群欢迎语模板数量已达上限（100 个）'],
  41058: ['group_welcome_template_forbidden', '无权编辑或删除此群欢迎语模板（非本应用创建）'],
  41063: ['msg_dispatching', '群发消息正在派发中，请稍后再试'],
  41064: ['too_many_attachments', '附件数量超过上限'],
  41065: ['invalid_attachment_type', '无效的附件类型'],
  41078: ['too_many_async_tasks', '进行中的朋友圈异步任务过多'],
  41089: ['moment_empty', '朋友圈文本与附件不能同时为空'],
  41091: ['join_way_chat_limit', '加群方式最多关联 5 个群'],
  41093: ['msg_cancelled', '群发任务已取消'],
  41094: ['remind_limit', '群发提醒超过频率限制（24 小时内 3 次）'],
  41095: ['acquisition_link_limit', '获客链接数量超过上限'],
  41096: ['welcome_msg_sending', '欢迎语已在发送中'],
  42001: ['token_expired', 'access_token 已过期'],
  45009: ['rate_limited', '接口调用超过频率限制'],
  45029: ['response_too_large', '回包过大，请缩小查询范围'],
  45033: ['concurrency_limited', '接口并发调用超过限制，请降低并发'],
  48002: ['api_forbidden', 'API 无权限调用（检查应用是否加入「客户联系 → 可调用接口的应用」）'],
  60003: ['department_not_found', '部门 ID 不存在'],
  60011: ['no_privilege', '无权限操作（成员/部门/标签不在应用可见范围）'],
  60020: ['ip_not_allowed', '调用 IP 不在应用的企业可信 IP 列表中'],
  60111: ['userid_not_found', 'UserID 不存在'],
  81017: ['too_many_items', '请求个数超过限制（请指定群主过滤）'],
  84061: ['no_relationship', '不存在外部联系人关系'],
  90500: ['group_owner_not_resigned', '群主尚未离职'],
  90501: ['not_customer_group', '该群不是客户群'],
  90507: ['group_transferring', '离职群正在继承处理中'],
  90508: ['group_already_transferred', '离职群已经继承'],
  301002: ['not_app_owned', '无权操作（只能操作本应用创建的数据）'],
} as const satisfies Record<string, readonly [string, string]>;

export type WecomErrorKind = (typeof ERRCODES)[keyof typeof ERRCODES][0] | 'unknown';

/** The kind and operator message of an errcode ('unknown' with WeCom's errmsg when unmapped). */
export function describeErrcode(errcode: number, errmsg = ''): { kind: WecomErrorKind; message: string } {
  const hit = (ERRCODES as Record<string, readonly [WecomErrorKind, string]>)[String(errcode)];
  return hit ? { kind: hit[0], message: hit[1] } : { kind: 'unknown', message: `企业微信错误 ${errcode}${errmsg ? `：${errmsg}` : ''}` };
}

/** Every mapped errcode with its kind and message (for docs, the simulator and tests). */
export const WECOM_ERRCODES: ReadonlyArray<{ errcode: number; kind: WecomErrorKind; message: string }> = Object.entries(ERRCODES).map(
  ([code, [kind, message]]) => ({ errcode: Number(code), kind, message }),
);

// Only these are safe to repeat: WeCom says to retry system failures, and 45009/45033 clear with
// time. Everything else is a caller's mistake or a business refusal that repeats identically.
const RETRYABLE_KINDS: ReadonlySet<WecomErrorKind> = new Set(['system_busy', 'rate_limited', 'concurrency_limited']);

export class WecomApiError extends Error {
  readonly kind: WecomErrorKind;
  /** A short Chinese message for operators. */
  readonly hint: string;
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string,
    readonly response?: unknown,
  ) {
    const { kind, message } = describeErrcode(errcode, errmsg);
    super(`${api}: errcode ${errcode} ${errmsg} (${message})`);
    this.name = 'WecomApiError';
    this.kind = kind;
    this.hint = message;
  }
}

export type WecomNetworkReason = 'network' | 'timeout' | 'http_status' | 'bad_response';

/** The request did not produce a WeCom answer: connection failure, timeout, non-200, unreadable body. */
export class WecomNetworkError extends Error {
  constructor(
    readonly api: string,
    readonly reason: WecomNetworkReason,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${api}: ${message}`, options);
    this.name = 'WecomNetworkError';
  }
  /** Connection failures, timeouts, 5xx and 429 may succeed later; a 404 or an HTML page will not. */
  get retryable(): boolean {
    if (this.reason === 'network' || this.reason === 'timeout') return true;
    return this.reason === 'http_status' && this.status !== undefined && (this.status >= 500 || this.status === 429);
  }
}

export type WecomRateLimitReason = 'wait_exceeds_timeout' | 'queue_full';

/** The client's own per-(corp, API) limit would make this call wait longer than allowed. */
export class WecomRateLimitError extends Error {
  constructor(
    readonly api: string,
    readonly reason: WecomRateLimitReason,
    readonly waitMs?: number,
  ) {
    super(`${api}: client-side rate limit (${reason}${waitMs !== undefined ? `, ~${Math.ceil(waitMs)} ms` : ''})`);
    this.name = 'WecomRateLimitError';
  }
}

/** Whether repeating the same request may succeed (what the client's own retry loop uses). */
export function isRetryable(err: unknown): boolean {
  if (err instanceof WecomApiError) return RETRYABLE_KINDS.has(err.kind);
  if (err instanceof WecomNetworkError) return err.retryable;
  return false;
}
