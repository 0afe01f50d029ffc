import type { CallList, CallOutcome, OutcomeCounts } from '@siyu/contracts';
import { Flex, Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export const OUTCOMES: CallOutcome[] = ['reached', 'added', 'refused', 'wrong_number', 'callback'];
export const OUTCOME_COLOR: Record<CallOutcome, string> = { reached: 'blue', added: 'green', refused: 'default', wrong_number: 'red', callback: 'orange' };

/** A list's progress: called / total, and each outcome's count (over the tasks the viewer may see). */
export function OutcomeProgress({ counts }: { counts: OutcomeCounts }) {
  const { t } = useTranslation();
  const done = counts.total - counts.pending;
  return (
    <Flex vertical gap={4} style={{ minWidth: 260 }}>
      <Tooltip title={t('calls.progress', { done, total: counts.total })}>
        <Progress percent={counts.total ? Math.round((done / counts.total) * 100) : 0} size="small" />
      </Tooltip>
      <Flex wrap gap={4}>
        {OUTCOMES.map((o) => (
          <Tag key={o} color={OUTCOME_COLOR[o]} style={{ marginInlineEnd: 0 }}>
            {t(`calls.outcome.${o}`)} {counts[o]}
          </Tag>
        ))}
        <Tag color="green" bordered={false} style={{ marginInlineEnd: 0 }}>
          {t('calls.counts.linked')} {counts.linked}
        </Tag>
      </Flex>
    </Flex>
  );
}

export function ListStatusTag({ status }: { status: CallList['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`calls.status.${status}`)}</Tag>;
}
