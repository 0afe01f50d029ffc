import { Card, Empty, Skeleton, Timeline, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { useTimeline } from './customers.api.ts';

// A hint of colour by what happened; unknown kinds stay blue.
function colorOf(kind: string): string {
  if (kind.includes('delete') || kind.includes('lost')) return 'red';
  if (kind.includes('order')) return 'green';
  if (kind.includes('tag')) return 'purple';
  return 'blue';
}

export function CustomerTimelineCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(customerId);
  const items = timeline.data?.items ?? [];

  return (
    <Card title={t('detail.timeline')} data-testid="customer-timeline">
      {timeline.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTimeline')} />
      ) : (
        <Timeline
          items={items.map((e) => ({
            key: e.id,
            color: colorOf(e.kind),
            content: (
              <>
                {/* A friend added by a channel code: the title names the code; its raw state is one hover away. */}
                {typeof e.detail?.state === 'string' && e.kind === 'wecom.friend_added' ? (
                  <Tooltip title={t('channels.stateTip', { state: e.detail.state })}>
                    <div data-testid="timeline-title" data-state={e.detail.state}>
                      {e.title}
                    </div>
                  </Tooltip>
                ) : (
                  <div data-testid="timeline-title">{e.title}</div>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.occurredAt)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
