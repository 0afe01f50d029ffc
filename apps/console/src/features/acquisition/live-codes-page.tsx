import { PlusOutlined } from '@ant-design/icons';
import type { LiveCode, WelcomeSend } from '@siyu/contracts';
import { Alert, App, Button, Card, Flex, Form, Image, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { useCan } from '../tenancy/permissions.ts';
import { LiveCodeFormModal, WelcomeFields, fromAttachment, toWelcome, type WelcomeValues } from './live-code-form.tsx';
import { qrUrl, useDefaultWelcome, useLiveCodeMutations, useLiveCodes, useWelcomeSends } from './live-codes.api.ts';

/** 获客 → 渠道活码: WeCom "contact me" codes Siyu manages, with who gets each new friend and what each brought. */
export function LiveCodesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('liveCode.manage');
  const codes = useLiveCodes();
  const m = useLiveCodeMutations();
  const [editing, setEditing] = useState<LiveCode | null | undefined>(undefined);
  const [qrOf, setQrOf] = useState<LiveCode | null>(null);
  const [logOf, setLogOf] = useState<LiveCode | null>(null);
  const [defaultOpen, setDefaultOpen] = useState(false);

  const columns: TableColumnsType<LiveCode> = [
    {
      title: t('liveCodes.col.name'), key: 'name', render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: c.state }} style={{ fontSize: 12 }}>{c.state}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('liveCodes.col.status'), key: 'status', width: 150, render: (_, c) => (
        <Flex vertical gap={4} align="start">
          <Tag color={c.status === 'active' ? 'green' : undefined} data-testid="live-code-status">{t(`liveCodes.status.${c.status}`)}</Tag>
          {c.status === 'active' && <Tag color={c.mode === 'primary' ? 'blue' : 'orange'}>{t(`liveCodes.mode.${c.mode}`)}</Tag>}
          {c.syncError && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('liveCodes.syncError', { error: c.syncError })}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('liveCodes.col.staff'), key: 'staff', render: (_, c) => (
        <Flex wrap gap={4}>
          {c.staff.map((s) => (
            <Tag key={s.staffId} color={s.dailyCap !== null && s.addsToday >= s.dailyCap ? 'red' : undefined}>
              {s.name} {s.addsToday}{s.dailyCap !== null ? `/${s.dailyCap}` : ''}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('liveCodes.col.today'), dataIndex: 'addsToday', width: 100, align: 'right', render: (v: number) => <span data-testid="live-code-today">{v}</span> },
    { title: t('liveCodes.col.total'), dataIndex: 'addsTotal', width: 100, align: 'right' },
    { title: t('liveCodes.col.strategy'), dataIndex: 'strategy', width: 110, render: (v: LiveCode['strategy']) => t(`liveCodes.strategy.${v}`) },
    {
      title: t('liveCodes.col.actions'), key: 'actions', width: 300, render: (_, c) => (
        <Flex wrap gap={4}>
          <Button size="small" type="link" onClick={() => setQrOf(c)} data-testid="live-code-qr">{t('liveCodes.action.qr')}</Button>
          <Button size="small" type="link" onClick={() => setLogOf(c)}>{t('liveCodes.action.welcomes')}</Button>
          {canManage && <Button size="small" type="link" onClick={() => setEditing(c)} data-testid="live-code-edit">{t('liveCodes.action.edit')}</Button>}
          {canManage && c.status === 'active' && (
            <Popconfirm title={t('liveCodes.confirmPause')} onConfirm={() => m.pause.mutate(c.id, { onSuccess: () => message.success(t('liveCodes.paused')) })}>
              <Button size="small" type="link" data-testid="live-code-pause">{t('liveCodes.action.pause')}</Button>
            </Popconfirm>
          )}
          {canManage && c.status === 'paused' && (
            <Button size="small" type="link" data-testid="live-code-resume" onClick={() => m.resume.mutate(c.id, { onSuccess: () => message.success(t('liveCodes.resumed')) })}>
              {t('liveCodes.action.resume')}
            </Button>
          )}
          {canManage && (
            <Popconfirm title={t('liveCodes.confirmRemove')} onConfirm={() => m.remove.mutate(c.id, { onSuccess: () => message.success(t('liveCodes.removed')) })}>
              <Button size="small" type="link" danger>{t('liveCodes.action.remove')}</Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('liveCodes.title')} extra={canManage && (
        <Flex gap={8}>
          <Button onClick={() => setDefaultOpen(true)} data-testid="live-code-default-welcome">{t('liveCodes.defaultWelcome')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="live-code-create">{t('liveCodes.create')}</Button>
        </Flex>
      )} />
      {!canManage && <Alert type="info" showIcon title={t('liveCodes.readOnly')} />}
      <Card styles={{ body: { padding: 0 } }} data-testid="live-codes-table">
        <Table<LiveCode> rowKey="id" columns={columns} dataSource={codes.data ?? []} loading={codes.isPending} pagination={false} scroll={{ x: 1000 }}
          locale={{ emptyText: t('liveCodes.empty') }}
          onRow={(c) => ({ 'data-testid': 'live-code-row', 'data-code-id': c.id }) as HTMLAttributes<HTMLElement>} />
      </Card>
      {canManage && <LiveCodeFormModal open={editing !== undefined} code={editing ?? null} onClose={() => setEditing(undefined)} />}
      <QrModal code={qrOf} onClose={() => setQrOf(null)} />
      <WelcomeLogModal code={logOf} onClose={() => setLogOf(null)} />
      {canManage && <DefaultWelcomeModal open={defaultOpen} onClose={() => setDefaultOpen(false)} />}
    </Flex>
  );
}

function QrModal({ code, onClose }: { code: LiveCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!code} title={code ? t('liveCodes.qr.title', { name: code.name }) : ''} onCancel={onClose} footer={null} width={420}>
      {code && (code.qrCode ? (
        <Flex vertical align="center" gap={12} data-testid="live-code-qr-modal">
          {/* The updated time busts the browser cache when a resume made a new QR. */}
          <Image src={`${qrUrl(code.id, 'qr.png')}?v=${encodeURIComponent(code.configId ?? '')}`} width={240} alt={code.name} data-testid="live-code-qr-image" />
          <Typography.Text type="secondary">{t('liveCodes.qr.state')}：{code.state}</Typography.Text>
          <Flex gap={8}>
            <Button href={qrUrl(code.id, 'qr.png', true)} data-testid="live-code-download-png">{t('liveCodes.qr.png')}</Button>
            <Button href={qrUrl(code.id, 'qr.svg', true)}>{t('liveCodes.qr.svg')}</Button>
            <Button href={qrUrl(code.id, 'poster.png', true)}>{t('liveCodes.qr.poster')}</Button>
          </Flex>
        </Flex>
      ) : <Alert type="warning" showIcon title={t('liveCodes.qr.noQr')} />)}
    </Modal>
  );
}

function WelcomeLogModal({ code, onClose }: { code: LiveCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const sends = useWelcomeSends(code?.id ?? null);
  const columns: TableColumnsType<WelcomeSend> = [
    { title: t('liveCodes.welcomes.time'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString() },
    { title: t('liveCodes.welcomes.customer'), dataIndex: 'externalUserId', ellipsis: true },
    { title: t('liveCodes.welcomes.staff'), dataIndex: 'userid' },
    {
      title: t('liveCodes.welcomes.result'), key: 'r', render: (_, w) => (
        <Flex vertical>
          <Tag color={w.status === 'sent' ? 'green' : w.status === 'failed' ? 'red' : 'default'}>{t(`liveCodes.welcomes.${w.status}`)}</Tag>
          {w.error && <Typography.Text type="danger" style={{ fontSize: 12 }}>{w.error}</Typography.Text>}
          {w.usedDefault && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('liveCodes.welcomes.usedDefault')}</Typography.Text>}
        </Flex>
      ),
    },
  ];
  return (
    <Modal open={!!code} title={t('liveCodes.welcomes.title')} onCancel={onClose} footer={null} width={760}>
      <Table<WelcomeSend> rowKey="welcomeCode" size="small" columns={columns} dataSource={sends.data ?? []} loading={sends.isPending && !!code}
        pagination={{ pageSize: 20 }} locale={{ emptyText: t('liveCodes.welcomes.empty') }} />
    </Modal>
  );
}

function DefaultWelcomeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WelcomeValues>();
  const current = useDefaultWelcome();
  const { saveDefault } = useLiveCodeMutations();
  useEffect(() => {
    if (!open || !current.data) return;
    form.setFieldsValue({ text: current.data.welcome?.text ?? '', attachments: current.data.welcome?.attachments.map(fromAttachment) ?? [] });
  }, [open, current.data, form]);
  const onFinish = (v: WelcomeValues) => {
    const w = toWelcome(v);
    saveDefault.mutate(w.text.trim() || w.attachments.length ? w : null, { onSuccess: () => { message.success(t('common.saved')); onClose(); } });
  };
  return (
    <Modal open={open} title={t('liveCodes.form.defaultTitle')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={saveDefault.isPending} width={760} forceRender>
      <Typography.Paragraph type="secondary">{t('liveCodes.form.defaultHelp')}</Typography.Paragraph>
      <Form<WelcomeValues> form={form} name="default-welcome-form" layout="vertical" onFinish={onFinish}>
        <WelcomeFields />
      </Form>
    </Modal>
  );
}
