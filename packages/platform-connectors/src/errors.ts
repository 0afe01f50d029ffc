// Connector failures in three kinds the driver acts on: auth (stop, say so on the shop in Chinese,
// do not retry — an operator must fix the credentials), retry (the platform is busy or limiting us:
// back off and try again), fatal (anything else the platform refused).
import { PLATFORM_NAMES, type Platform } from '@siyu/order-exports';

export type ConnectorErrorKind = 'auth' | 'retry' | 'fatal';

export class ConnectorError extends Error {
  constructor(readonly kind: ConnectorErrorKind, message: string, readonly detail: string = '') {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** The text an operator reads on the shop. */
export function authError(platform: Platform, detail: string, check: string): ConnectorError {
  return new ConnectorError('auth', `${PLATFORM_NAMES[platform]}接口鉴权失败（${detail}）：请检查${check}是否正确、授权是否已过期，修改后重新同步。`, detail);
}

export const retryError = (platform: Platform, detail: string) => new ConnectorError('retry', `${PLATFORM_NAMES[platform]}接口繁忙或限流（${detail}）`, detail);
export const fatalError = (platform: Platform, detail: string) => new ConnectorError('fatal', `${PLATFORM_NAMES[platform]}接口返回错误（${detail}）`, detail);

export function missingCredentials(platform: Platform, labels: string[]): ConnectorError {
  return new ConnectorError('auth', `${PLATFORM_NAMES[platform]}店铺未填写接口凭证：${labels.join('、')}。`);
}
