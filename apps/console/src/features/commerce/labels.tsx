import { WarningOutlined } from '@ant-design/icons';
import type { ImportStatus, OrderStatus, Platform, RefundState } from '@siyu/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

export const PLATFORMS: Platform[] = ['taobao', 'tmall', 'jd', 'douyin', 'pinduoduo', 'kuaishou', 'youzan', 'wechat_shop'];
export const ORDER_STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'completed', 'closed'];
export const REFUND_STATES: RefundState[] = ['none', 'in_progress', 'partial', 'full'];

// Each platform in its usual brand colour, so a mixed list reads at a glance.
export const PLATFORM_COLOR: Record<Platform, string> = {
  taobao: 'orange',
  tmall: 'red',
  jd: 'volcano',
  douyin: 'magenta',
  pinduoduo: 'gold',
  kuaishou: 'orange',
  youzan: 'cyan',
  wechat_shop: 'green',
};

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: 'default',
  paid: 'blue',
  shipped: 'processing',
  completed: 'success',
  closed: 'default',
};

export const REFUND_COLOR: Record<RefundState, string> = { none: 'default', in_progress: 'warning', partial: 'orange', full: 'error' };

export const IMPORT_STATUS_COLOR: Record<ImportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLATFORM_COLOR[platform]} style={{ marginInlineEnd: 0 }}>
      {t(`commerce.platform.${platform}`)}
    </Tag>
  );
}

export function OrderStatusTag({ status, raw }: { status: OrderStatus; raw?: string }) {
  const { t } = useTranslation();
  const tag = <Tag color={ORDER_STATUS_COLOR[status]}>{t(`commerce.status.${status}`)}</Tag>;
  // The platform's own wording (交易成功, 卖家已发货，等待买家确认…) on hover.
  return raw ? <Tooltip title={raw}>{tag}</Tooltip> : tag;
}

export function RefundTag({ state }: { state: RefundState }) {
  const { t } = useTranslation();
  return state === 'none' ? <>{t('commerce.refund.none')}</> : <Tag color={REFUND_COLOR[state]}>{t(`commerce.refund.${state}`)}</Tag>;
}

/** Excel turns 19-digit ids into 2.14073E+16 and back into …000: such an order is kept but never matched. */
export function SuspectIdTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('commerce.idSuspectHelp')}>
      <Tag color="warning" icon={<WarningOutlined />} data-testid="order-id-suspect">
        {t('commerce.idSuspect')}
      </Tag>
    </Tooltip>
  );
}

/** The importer's name for a file (订单报表, 宝贝报表…); an unknown kind shows as sent. */
export function fileKindLabel(kind: string | null): string | null {
  if (!kind) return null;
  const key = `imports.fileKind.${kind}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : kind;
}

export const platformOptions = () => PLATFORMS.map((p) => ({ value: p, label: i18n.t(`commerce.platform.${p}`) }));

