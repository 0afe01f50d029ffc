import { EyeOutlined } from '@ant-design/icons';
import type { CustomerDetail } from '@siyu/contracts';
import { Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';
import { formatDate, formatTime, region } from '../../lib/format.ts';
import { useCan } from '../tenancy/permissions.ts';
import { RevealPhoneModal } from './reveal-phone-modal.tsx';
import { CustomerSource } from '../channel/channel-name.tsx';

export function CustomerProfileCard({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const [revealing, setRevealing] = useState(false);
  const canReveal = useCan()('customer.revealPhone');

  const items = [
    {
      key: 'phone',
      label: t('customers.field.phone'),
      children: c.phoneMasked ? (
        <Space size={4}>
          <span data-testid="customer-phone">{c.phoneMasked}</span>
          {canReveal && (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealing(true)} data-testid="reveal-phone">
              {t('detail.revealPhone')}
            </Button>
          )}
        </Space>
      ) : (
        '—'
      ),
    },
    { key: 'gender', label: t('customers.field.gender'), children: labelOf('gender', c.gender) },
    { key: 'birthday', label: t('customers.field.birthday'), children: formatDate(c.birthday) },
    { key: 'region', label: t('customers.col.region'), children: region(c.province, c.city) },
    { key: 'owners', label: t('customers.field.owner'), children: c.owners.length ? c.owners.map((o) => o.name).join('、') : '—' },
    { key: 'source', label: t('customers.field.source'), children: <CustomerSource source={c.source} channel={c.sourceChannel} /> },
    { key: 'createdAt', label: t('customers.field.createdAt'), children: formatTime(c.createdAt) },
    { key: 'updatedAt', label: t('customers.field.updatedAt'), children: formatTime(c.updatedAt) },
    { key: 'remark', label: t('customers.field.remark'), children: c.remark || '—', span: 2 },
  ];

  return (
    <Card title={t('detail.profile')}>
      <Descriptions column={{ xs: 1, sm: 2 }} items={items} size="small" />
      {canReveal && <RevealPhoneModal customerId={c.id} open={revealing} onClose={() => setRevealing(false)} />}
    </Card>
  );
}
