// @siyu/wecom — the WeCom server API client (an SDK that could be published alone; it imports
// nothing from the server): the API client with token cache, rate limits, retries and typed
// errors; callback crypto (WXBizMsgCrypt); callback event parsing.
export { verifyUrl, decryptMessage, encryptMessage, encryptedFieldOf, signature, CallbackCryptoError } from './callback-crypto.ts';
export type { CallbackCryptoConfig, CallbackCryptoErrorCode, SignedParams } from './callback-crypto.ts';

export { createWecomClient } from './client.ts';
export type { WecomClient } from './client.ts';
export type { WecomClientOptions, WecomCore, CallOptions, CallEvent, HttpMethod, QueryValue, WecomBase, WecomResult } from './client-core.ts';
export { createTokenCache, sharedTokenCache } from './token-cache.ts';
export type { TokenCache, CachedToken } from './token-cache.ts';
export { createRateLimiter } from './rate-limit.ts';
export type { RateLimitOptions, RateLimiter } from './rate-limit.ts';
export { WecomApiError, WecomNetworkError, WecomRateLimitError, isRetryable, describeErrcode, WECOM_ERRCODES } from './errors.ts';
export type { WecomErrorKind, WecomNetworkReason, WecomRateLimitReason } from './errors.ts';

export { parseCallbackEvent, buildCallbackXml, CallbackParseError } from './callback-event.ts';
export type {
  WecomCallbackEvent, ExternalContactEvent, ExternalChatEvent, ExternalTagEvent, CustomerAcquisitionEvent, UnknownCallbackEvent,
  UpdateDetail, CallbackXmlValue, RawCallbackFields,
} from './callback-event.ts';

export type { MediaType, AttachmentMediaType, AttachmentType, UploadMediaResult } from './api-media.ts';
export type * from './types-org.ts';
export type * from './types-contacts.ts';
export type * from './types-contact-ways.ts';
export type * from './types-groups.ts';
export type * from './types-messages.ts';
export type * from './types-transfer.ts';
export type * from './types-acquisition.ts';
