import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken, ApiTokenCreated } from '@siyu/contracts';
import { Alert, App, Button, Card, Modal, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameModal } from '../../components/name-modal.tsx';
import { formatTime } from '../../lib/format.ts';
import { useTokenMutations, useTokens } from './tokens.api.ts';
import { PageTitle } from '../../components/page-title.tsx';

export function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useTokens();
  const m = useTokenMutations();
  const [creating, setCreating] = useState(false);
  // The secret exists only here, between creation and closing the dialog: the server keeps a hash.
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatTime(v) : t('tokens.never')) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, tok) => (
        <Popconfirm
          title={t('tokens.revokeConfirm', { name: tok.name })}
          okButtonProps={{ danger: true }}
          onConfirm={() => m.revoke.mutate(tok.id, { onSuccess: () => message.success(t('tokens.revoked')) })}
        >
          <Button type="link" danger size="small">
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('tokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-token">
            {t('tokens.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
        <Table<ApiToken> rowKey="id" columns={columns} dataSource={tokens.data ?? []} loading={tokens.isPending} pagination={false} data-testid="tokens-table" />
      </Card>
      <NameModal
        formName="token"
        open={creating}
        title={t('tokens.create')}
        label={t('tokens.name')}
        placeholder={t('tokens.namePlaceholder')}
        requiredMessage={t('tokens.nameRequired')}
        confirmLoading={m.create.isPending}
        onSubmit={(name) =>
          m.create.mutate(name, {
            onSuccess: (tok) => {
              setCreating(false);
              setCreated(tok);
            },
          })
        }
        onCancel={() => setCreating(false)}
      />
      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('common.ok')}
          </Button>
        }
        // The secret must not linger in the DOM once the dialog is closed.
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('tokens.createdNote')} style={{ marginBottom: 16 }} />
        {created && (
          <Typography.Paragraph
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ wordBreak: 'break-all', fontSize: 14 }}
            data-testid="created-token"
          >
            {created.token}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
