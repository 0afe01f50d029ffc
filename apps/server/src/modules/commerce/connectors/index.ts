// Platform order connectors: incremental API sync of a shop's orders (Taobao/Tmall TOP, Douyin,
// Pinduoduo, JD, Kuaishou, Youzan, WeChat Shop) into the same OrderRecord → writeOrders path as
// imports. The commerce module's index re-exports what the rest of Siyu needs.
export { syncShop, syncDueShops, runSyncShopJob, connectorFor, SYNC_SHOP_TASK, SAFETY_LAG_MS, OVERLAP_MS, DEFAULT_LOOKBACK_DAYS, type SyncOptions, type SyncResult } from './sync.ts';
export { CONNECTORS, CONNECTOR_CREDENTIALS, CONNECTOR_BASE_URLS } from './registry.ts';
export { ConnectorError, type ConnectorErrorKind } from './errors.ts';
export type { Connector, CredentialField, Window, Cursor, Page } from './types.ts';
export { mapTrade } from './taobao.ts';
export { mapShopOrder } from './douyin.ts';
export { mapPddOrder } from './pinduoduo.ts';
export { mapJdOrder } from './jd.ts';
export { mapKuaishouOrder } from './kuaishou.ts';
export { mapFullOrder } from './youzan.ts';
export { mapWechatOrder } from './wechat-shop.ts';
