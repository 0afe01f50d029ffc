// One connector per platform API (Tmall shops use Taobao's TOP connector).
import type { Connector, ConnectorPlatform, CredentialField } from './types.ts';
import type { Platform } from '@siyu/order-exports';
import { taobaoConnector } from './taobao.ts';
import { douyinConnector } from './douyin.ts';
import { pinduoduoConnector } from './pinduoduo.ts';
import { jdConnector } from './jd.ts';
import { kuaishouConnector } from './kuaishou.ts';
import { youzanConnector } from './youzan.ts';
import { wechatShopConnector } from './wechat-shop.ts';

export const CONNECTORS: Record<ConnectorPlatform, Connector> = {
  taobao: taobaoConnector, douyin: douyinConnector, pinduoduo: pinduoduoConnector, jd: jdConnector,
  kuaishou: kuaishouConnector, youzan: youzanConnector, wechat_shop: wechatShopConnector,
};

/** What the console asks for per platform (the keys of a shop's credentials). */
export const CONNECTOR_CREDENTIALS: Record<Platform, CredentialField[]> = {
  ...Object.fromEntries(Object.entries(CONNECTORS).map(([p, c]) => [p, c.credentials])),
  tmall: taobaoConnector.credentials,
} as Record<Platform, CredentialField[]>;

/** The real gateway hosts (a shop's api_base_url overrides them: the simulator, a proxy). */
export const CONNECTOR_BASE_URLS: Record<Platform, string> = {
  ...Object.fromEntries(Object.entries(CONNECTORS).map(([p, c]) => [p, c.defaultBaseUrl])),
  tmall: taobaoConnector.defaultBaseUrl,
} as Record<Platform, string>;
