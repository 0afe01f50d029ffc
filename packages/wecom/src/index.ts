// @siyu/wecom — the WeCom server API client (an SDK that could be published alone; it imports
// nothing from the server). So far: callback crypto (WXBizMsgCrypt).
export { verifyUrl, decryptMessage, encryptMessage, encryptedFieldOf, signature, CallbackCryptoError } from './callback-crypto.ts';
export type { CallbackCryptoConfig, CallbackCryptoErrorCode, SignedParams } from './callback-crypto.ts';
