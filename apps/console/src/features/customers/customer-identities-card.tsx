import type { Identity } from '@siyu/contracts';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../i18n/index.ts';
import { formatTime } from '../../lib/format.ts';

/** How Siyu recognises this customer across WeCom and shops; values arrive masked from the server. */
export function CustomerIdentitiesCard({ identities }: { identities: Identity[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('detail.identities')} styles={{ body: { padding: 0 } }}>
      <Table<Identity>
        size="small"
        pagination={false}
        rowKey={(r) => `${r.kind}:${r.scope ?? ''}:${r.valueMasked}`}
        dataSource={identities}
        locale={{ emptyText: t('detail.noIdentities') }}
        columns={[
          { title: t('detail.identityKind'), dataIndex: 'kind', width: 200, render: (k: Identity['kind']) => labelOf('identityKind', k) },
          { title: t('detail.identityValue'), dataIndex: 'valueMasked', render: (v: string) => <code>{v}</code> },
          { title: t('detail.identityScope'), dataIndex: 'scope', render: (v: string | null) => v ?? '—' },
          { title: t('customers.field.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
        ]}
      />
    </Card>
  );
}
