// @siyu/platform-connectors: the sales platforms' order APIs (Taobao/Tmall TOP, Douyin, Pinduoduo,
// JD, Kuaishou, Youzan, WeChat Shop) — sign, page one modified-time window, map each order to an
// OrderRecord (@siyu/order-exports). Knows nothing of Siyu's database: the caller keeps the shops,
// the checkpoints and the orders (Siyu's commerce/order-sync.ts).
export { CONNECTORS, CONNECTOR_CREDENTIALS, CONNECTOR_BASE_URLS } from './registry.ts';
export { connectorFor, connectorContext, missingCredentialFields, type ContextOptions } from './context.ts';
export { ConnectorError, authError, retryError, fatalError, missingCredentials, type ConnectorErrorKind } from './errors.ts';
export { isConnectorError } from './http.ts';
export { pace, withRetry, DEFAULT_RETRY, type RetryPolicy } from './throttle.ts';
export type { Connector, ConnectorContext, ConnectorShop, ConnectorPlatform, CredentialField, Window, Cursor, Page } from './types.ts';
export { chinaTime, parseChinaTime, yuanToFen, fen, maskedPhone } from './china-time.ts';
export { mapTrade } from './taobao.ts';
export { mapShopOrder } from './douyin.ts';
export { mapPddOrder } from './pinduoduo.ts';
export { mapJdOrder } from './jd.ts';
export { mapKuaishouOrder } from './kuaishou.ts';
export { mapFullOrder } from './youzan.ts';
export { mapWechatOrder } from './wechat-shop.ts';
