import type { SyncRun } from '@siyu/contracts';
import { Alert, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { isActiveRun } from './channel.api.ts';
import { runDuration, SYNC_STATUS_COLOR, syncStatLabel } from './labels.ts';

type Phase = SyncRun['phases'][number];

function percentOf(p: Phase): number {
  if (p.finished) return 100;
  if (!p.total) return 0;
  return Math.min(99, Math.floor((p.done / p.total) * 100));
}

/** One run: its status, then one bar per phase (部门 → 成员 → 标签 → 渠道活码 → 客户 → 客户群), then its counters. */
export function SyncRunProgress({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  const active = isActiveRun(run);
  const stats = Object.entries(run.stats);

  const barStatus = (p: Phase) => {
    if (p.finished) return 'success' as const;
    if (run.status === 'failed' && run.phase === p.name) return 'exception' as const;
    if (active && run.phase === p.name) return 'active' as const;
    return 'normal' as const;
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <span data-testid="sync-status" data-status={run.status}>
          <Tag color={SYNC_STATUS_COLOR[run.status]}>{t(`sync.status.${run.status}`)}</Tag>
        </span>
        <Tag>{t(`sync.kind.${run.kind}`)}</Tag>
        <Typography.Text type="secondary">
          {t('sync.meta', { who: run.requestedBy ?? t('sync.system'), time: formatTime(run.createdAt) })}
          {run.startedAt && ` · ${runDuration(run.startedAt, run.finishedAt)}`}
        </Typography.Text>
      </Flex>
      {run.error && <Alert type="error" showIcon title={run.error} />}
      <Flex vertical gap={4}>
        {run.phases.map((p) => (
          <Flex key={p.name} align="center" gap={12} data-testid="sync-phase" data-phase={p.name} data-finished={p.finished}>
            <Typography.Text style={{ width: 96, flex: 'none', whiteSpace: 'nowrap' }} strong={run.phase === p.name && active}>
              {t(`sync.phase.${p.name}`)}
            </Typography.Text>
            <Progress percent={percentOf(p)} status={barStatus(p)} showInfo={false} style={{ flex: 1, margin: 0 }} />
            <Typography.Text type="secondary" style={{ width: 110, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {p.total !== null ? `${p.done.toLocaleString()} / ${p.total.toLocaleString()}` : p.done.toLocaleString()}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      {stats.length > 0 && (
        <Flex wrap gap={8} data-testid="sync-stats">
          {stats.map(([k, v]) => (
            <Tag key={k} style={{ marginInlineEnd: 0 }}>
              {syncStatLabel(k)} {v.toLocaleString()}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
