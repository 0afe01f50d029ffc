import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import type { CallOutcome, CallTask } from '@siyu/contracts';
import { App, Button, Card, DatePicker, Flex, Input, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, formatTime } from '../../lib/format.ts';
import { useMe } from '../tenancy/permissions.ts';
import { useRecordOutcome, useRevealPhone } from './call-lists.api.ts';
import { OUTCOME_COLOR, OUTCOMES } from './call-outcome-tags.tsx';

/**
 * One call: who (masked number until revealed — each reveal audited, and only for the task's own
 * caller), what they bought, the script with its variables filled, and the outcome buttons.
 */
export function CallTaskCard({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const reveal = useRevealPhone();
  const record = useRecordOutcome();
  const [phone, setPhone] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState<Dayjs | null>(null);
  const mine = me?.staffId === task.staffId;

  const save = (outcome: CallOutcome) =>
    record.mutate(
      { id: task.id, input: { outcome, note: note.trim() || undefined, callbackAt: outcome === 'callback' ? callbackAt?.toISOString() : undefined } },
      { onSuccess: () => { message.success(t('callTasks.saved', { outcome: t(`calls.outcome.${outcome}`) })); setNote(''); setCallbackAt(null); } },
    );

  const callbackPicker = (
    <Space direction="vertical">
      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={callbackAt} onChange={setCallbackAt}
        disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="call-callback-at" />
      <Button type="primary" size="small" disabled={!callbackAt} loading={record.isPending} onClick={() => save('callback')} data-testid="call-callback-confirm">
        {t('callTasks.confirm')}
      </Button>
    </Space>
  );

  return (
    <Card size="small" data-testid="call-task" data-task-id={task.id}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space direction="vertical" size={2}>
          <Space wrap>
            <Typography.Text strong>{task.customerName}</Typography.Text>
            {phone ? (
              <a href={`tel:${phone}`} data-testid="call-phone-full"><PhoneOutlined /> {phone}</a>
            ) : (
              <Typography.Text data-testid="call-phone-masked">{task.phoneMasked}</Typography.Text>
            )}
            {!phone && mine && (
              <Tooltip title={t('callTasks.revealHelp')}>
                <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} data-testid="call-reveal"
                  onClick={() => reveal.mutate(task.id, { onSuccess: (r) => setPhone(r.phone) })}>
                  {t('callTasks.reveal')}
                </Button>
              </Tooltip>
            )}
          </Space>
          <Typography.Text type="secondary">
            {t('callTasks.order', { orderNo: task.order.orderNo, shop: task.order.shopName, count: task.order.orders })}
            {' · '}{task.order.titles}{' · '}{formatFen(task.order.paidFen)}
            {task.order.createdAt && ` · ${t('callTasks.orderedAt', { time: formatTime(task.order.createdAt) })}`}
          </Typography.Text>
        </Space>
        <Space wrap size={4}>
          <Tag>{task.listName}</Tag>
          {!mine && <Tag>{task.staffName}</Tag>}
          {task.outcome && <Tag color={OUTCOME_COLOR[task.outcome]}>{t(`calls.outcome.${task.outcome}`)}</Tag>}
          {task.status === 'callback' && task.callbackAt && <Tag color="orange">{t('callTasks.callbackDue', { time: formatTime(task.callbackAt) })}</Tag>}
          {task.linkedAt ? <Tag color="green" data-testid="call-linked">{t('callTasks.linked')}</Tag>
            : task.friendAt ? <Tag color="green">{t('callTasks.friendArrived', { staff: task.friendStaffName ?? '' })}</Tag>
            : task.outcome === 'added' ? <Tag>{t('callTasks.waitingFriend')}</Tag> : null}
          {task.attempts > 0 && <Tag bordered={false}>{t('callTasks.attempts', { count: task.attempts })}</Tag>}
        </Space>
      </Flex>
      {task.script && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.03)', padding: '8px 12px', borderRadius: 6, margin: '8px 0' }} data-testid="call-script">
          {task.script}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap align="center">
        <Input size="small" placeholder={t('callTasks.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} style={{ width: 220 }} />
        {OUTCOMES.map((o) =>
          o === 'callback' ? (
            <Popover key={o} trigger="click" title={t('callTasks.callbackPick')} content={callbackPicker}>
              <Button size="small" data-testid="call-outcome-callback">{t('calls.outcome.callback')}</Button>
            </Popover>
          ) : (
            <Button key={o} size="small" type={o === 'added' ? 'primary' : 'default'} danger={o === 'wrong_number'} loading={record.isPending && record.variables?.input.outcome === o}
              onClick={() => save(o)} data-testid={`call-outcome-${o}`}>
              {t(`calls.outcome.${o}`)}
            </Button>
          ),
        )}
      </Flex>
    </Card>
  );
}
