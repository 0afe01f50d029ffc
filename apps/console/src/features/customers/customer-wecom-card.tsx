import { TeamOutlined } from '@ant-design/icons';
import type { CustomerWecom, WecomRelation } from '@siyu/contracts';
import { Alert, Card, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatTime } from '../../lib/format.ts';
import { useCustomerWecom } from '../channel/channel.api.ts';
import { RELATION_STATUS_COLOR } from '../channel/labels.ts';
import { ChannelTag } from '../channel/channel-name.tsx';

/** The WeCom side of a customer: which staff have them as a friend, since when, how, and their groups. */
export function CustomerWecomCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const wecom = useCustomerWecom(customerId);
  const w = wecom.data;

  const extra = w && (
    <Flex gap={4}>
      {w.type && <Tag>{t(`customerWecom.type.${w.type}`)}</Tag>}
      {w.unionid && <Tag color="blue">{t('customerWecom.unionid')}</Tag>}
    </Flex>
  );

  return (
    <Card title={t('customerWecom.title')} extra={extra} styles={{ body: { padding: 0 } }} data-testid="customer-wecom-card">
      {wecom.isPending ? (
        <Skeleton active style={{ padding: 24 }} />
      ) : wecom.isError ? (
        <Alert type="error" showIcon banner title={wecom.error.message} />
      ) : !w || (w.relations.length === 0 && w.groups.length === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerWecom.empty')} style={{ padding: 16 }} />
      ) : (
        <Body wecom={w} />
      )}
    </Card>
  );
}

function Body({ wecom: w }: { wecom: CustomerWecom }) {
  const { t } = useTranslation();
  // The remark (how the staff member named the customer in WeCom) sits under the staff name, to keep
  // the table narrow enough for the detail page's column.
  const columns: TableColumnsType<WecomRelation> = [
    {
      title: t('customerWecom.col.staff'),
      key: 'staff',
      render: (_, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Tooltip title={r.staffId ? r.userid : `${r.userid} · ${t('customerWecom.unmatched')}`}>
            <Typography.Text type={r.staffId ? undefined : 'secondary'}>{r.staffName}</Typography.Text>
          </Tooltip>
          {(r.remark || r.description) && (
            <Tooltip title={[r.remark, r.description].filter(Boolean).join(' · ')}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 160 }}>
                {t('customerWecom.remarkLine', { remark: r.remark || r.description })}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: t('customerWecom.col.addedAt'), dataIndex: 'addedAt', width: 140, render: (v: string) => formatTime(v) },
    { title: t('customerWecom.col.addWay'), dataIndex: 'addWayLabel', width: 110, render: (v: string) => v || '—' },
    {
      title: t('customerWecom.col.state'),
      key: 'state',
      width: 150,
      render: (_, r) => (r.state ? <ChannelTag channel={{ state: r.state, name: r.stateName }} /> : '—'),
    },
    {
      title: t('customerWecom.col.status'),
      key: 'status',
      width: 110,
      render: (_, r) => (
        <Flex vertical align="start">
          <Tag color={RELATION_STATUS_COLOR[r.status]}>{t(`customerWecom.status.${r.status}`)}</Tag>
          {r.endedAt && (
            <Tooltip title={formatTime(r.endedAt)}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(r.endedAt)}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Table<WecomRelation>
        size="small"
        pagination={false}
        rowKey={(r) => `${r.userid}:${r.externalUserId}`}
        dataSource={w.relations}
        columns={columns}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('customerWecom.empty') }}
        onRow={(r) => ({ 'data-testid': 'wecom-relation-row', 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
      />
      <div style={{ padding: '12px 16px' }} data-testid="customer-wecom-groups">
        <Typography.Text type="secondary">
          <TeamOutlined /> {t('customerWecom.groups')}
        </Typography.Text>
        {w.groups.length === 0 ? (
          <div>
            <Typography.Text type="secondary">{t('customerWecom.noGroups')}</Typography.Text>
          </div>
        ) : (
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            {w.groups.map((g) => (
              <Tooltip
                key={g.chatId}
                title={g.leftAt ? t('customerWecom.leftAt', { time: formatTime(g.leftAt) }) : t('customerWecom.joinedAt', { time: formatTime(g.joinedAt) })}
              >
                <Tag color={g.leftAt ? undefined : 'green'} style={{ marginInlineEnd: 0 }}>
                  <Link to={`/groups?chat=${encodeURIComponent(g.chatId)}`} style={g.leftAt ? { textDecoration: 'line-through' } : undefined}>
                    {g.name || t('groups.unnamed')}
                  </Link>
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        )}
      </div>
    </>
  );
}
