import type { ChannelRef } from '@siyu/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';

// A channel live code (渠道活码) is shown by the name the corp gave it (the contact way's remark),
// never by its raw state (pkgcard-2026), which stays one hover away; a state WeCom has not named
// reads 渠道 <state>.

export const channelLabel = (t: TFunction, c: ChannelRef): string => c.name ?? t('channels.unknown', { state: c.state });

/** Sources that only say "came through WeCom": the channel code, when known, says more. */
const WECOM_SOURCES = new Set(['渠道活码', '企业微信', '企业微信同步', 'wecom', 'live_code']);

/** The channel's name, with its state in a tooltip. */
export function ChannelName({ channel }: { channel: ChannelRef }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('channels.stateTip', { state: channel.state })}>
      <span data-testid="channel-name" data-state={channel.state}>
        {channelLabel(t, channel)}
      </span>
    </Tooltip>
  );
}

/** The channel as a tag, with the raw state under it in small type (the WeCom card's column). */
export function ChannelTag({ channel }: { channel: ChannelRef }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="start" style={{ minWidth: 0 }} data-testid="channel-name" data-state={channel.state}>
      <Tag style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}>{channelLabel(t, channel)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: channel.state, tooltips: [t('channels.copyState'), t('common.copied')] }}>
        {channel.state}
      </Typography.Text>
    </Flex>
  );
}

/**
 * A customer's source: the channel code's name when they came through one and the stored source
 * only says WeCom (渠道活码, 企业微信同步); otherwise the source, with the channel in its tooltip.
 */
export function CustomerSource({ source, channel }: { source: string | null; channel: ChannelRef | null }) {
  const { t } = useTranslation();
  const label = source ? labelOf('customerSource', source) : null;
  if (!channel) return <>{label ?? '—'}</>;
  if (!source || WECOM_SOURCES.has(source)) {
    // The full name first (the column may cut it short), then how Siyu learned of the customer and the state.
    const tip = (
      <>
        <div>{channelLabel(t, channel)}</div>
        <div>{[label, t('channels.stateTip', { state: channel.state })].filter(Boolean).join(' · ')}</div>
      </>
    );
    return (
      <Tooltip title={tip}>
        <span data-testid="customer-source" data-state={channel.state}>
          {channelLabel(t, channel)}
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('channels.via', { name: channelLabel(t, channel), state: channel.state })}>
      <span data-testid="customer-source" data-state={channel.state}>
        {label}
      </span>
    </Tooltip>
  );
}
