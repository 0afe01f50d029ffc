import { ApiOutlined, SaveOutlined } from '@ant-design/icons';
import type { WecomConnection, WecomConnectionInput, WecomConnectionTest } from '@siyu/contracts';
import { Alert, App, Badge, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { useConnectionMutations } from './channel.api.ts';

const DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

type Values = {
  corpId: string;
  agentId: number | null;
  baseUrl: string;
  secret: string;
  callbackToken: string;
  encodingAesKey: string;
};

// Not antd's `type: 'url'`: it rejects localhost and private addresses, where the simulator lives.
function isHttpUrl(v: string | undefined): boolean {
  if (!v?.trim()) return true; // empty: the server keeps the stored (or default) address
  try {
    return ['http:', 'https:'].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
}

const BADGE = { none: 'default', untested: 'warning', connected: 'success', error: 'error' } as const;

export function ConnectionStatus({ conn }: { conn: WecomConnection | null }) {
  const { t } = useTranslation();
  const status = conn?.status ?? 'none';
  return (
    <span data-testid="wecom-status" data-status={status}>
      <Badge status={BADGE[status]} text={t(`wecom.status.${status}`)} />
    </span>
  );
}

type Props = { conn: WecomConnection | null; canManage: boolean };

/** Corp id, app and secrets. Secrets are write-only: an empty field on save keeps the stored one. */
export function ConnectionCard({ conn, canManage }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const m = useConnectionMutations();
  const [tested, setTested] = useState<WecomConnectionTest | null>(null);

  // Fill the form from the server when the stored config changes (not on every 10 s refresh).
  const version = conn?.updatedAt ?? null;
  useEffect(() => {
    form.setFieldsValue({
      corpId: conn?.corpId ?? '',
      agentId: conn?.agentId ?? null,
      baseUrl: conn?.baseUrl || DEFAULT_BASE_URL,
      secret: '',
      callbackToken: '',
      encodingAesKey: '',
    });
  }, [version, form]); // keyed on the stored version only: a refresh must not wipe what is being typed

  const onFinish = (v: Values) => {
    const input: WecomConnectionInput = { corpId: v.corpId.trim(), agentId: v.agentId ?? null, baseUrl: v.baseUrl?.trim() || undefined };
    if (v.secret?.trim()) input.secret = v.secret.trim();
    if (v.callbackToken?.trim()) input.callbackToken = v.callbackToken.trim();
    if (v.encodingAesKey?.trim()) input.encodingAesKey = v.encodingAesKey.trim();
    m.save.mutate(input, { onSuccess: () => message.success(t('common.saved')) });
  };

  const onTest = () => {
    setTested(null);
    m.test.mutate(undefined, { onSuccess: setTested });
  };

  // "已设置" placeholders for secrets the server holds; the value itself never comes back.
  const secretPlaceholder = (has: boolean | undefined) => (has ? t('wecom.isSet') : t('wecom.notSet'));
  const required = { required: true, whitespace: true, message: t('wecom.required') };

  return (
    <Card title={t('wecom.connection')} extra={<ConnectionStatus conn={conn} />} data-testid="wecom-connection">
      {conn?.status === 'error' && conn.lastError && !tested && (
        <Alert type="error" showIcon title={t('wecom.status.error')} description={conn.lastError} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} name="wecom-connection" layout="vertical" onFinish={onFinish} autoComplete="off" disabled={!canManage}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="corpId"
              label={t('wecom.field.corpId')}
              extra={t('wecom.field.corpIdHelp')}
              rules={[required, { pattern: /^\s*[A-Za-z0-9_-]{4,64}\s*$/, message: t('wecom.corpIdFormat') }]}
            >
              <Input maxLength={64} data-testid="wecom-corp-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="agentId" label={t('wecom.field.agentId')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="wecom-agent-id" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="baseUrl"
          label={t('wecom.field.baseUrl')}
          extra={t('wecom.field.baseUrlHelp')}
          rules={[{ validator: (_, v: string | undefined) => (isHttpUrl(v) ? Promise.resolve() : Promise.reject(new Error(t('wecom.baseUrlFormat')))) }]}
        >
          <Input placeholder={DEFAULT_BASE_URL} maxLength={300} data-testid="wecom-base-url" />
        </Form.Item>
        <Form.Item name="secret" label={t('wecom.field.secret')} extra={t('wecom.field.secretHelp')} rules={[{ min: 8, max: 128, message: t('wecom.secretMin') }]}>
          <Input.Password placeholder={secretPlaceholder(conn?.hasSecret)} autoComplete="new-password" data-testid="wecom-secret" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="callbackToken" label={t('wecom.field.callbackToken')} rules={[{ pattern: /^\s*[A-Za-z0-9]{1,32}\s*$/, message: t('wecom.tokenFormat') }]}>
              <Input.Password placeholder={secretPlaceholder(conn?.hasCallbackToken)} autoComplete="new-password" data-testid="wecom-callback-token" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="encodingAesKey" label={t('wecom.field.encodingAesKey')} rules={[{ pattern: /^\s*[A-Za-z0-9]{43}\s*$/, message: t('wecom.aesKeyFormat') }]}>
              <Input.Password placeholder={secretPlaceholder(conn?.hasEncodingAesKey)} autoComplete="new-password" data-testid="wecom-aes-key" />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} align="center" wrap>
          {canManage && (
            <>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={m.save.isPending} data-testid="wecom-save">
                {t('common.save')}
              </Button>
              <Button icon={<ApiOutlined />} onClick={onTest} loading={m.test.isPending} disabled={!conn} title={conn ? undefined : t('wecom.saveFirst')} data-testid="wecom-test">
                {t('wecom.test')}
              </Button>
            </>
          )}
          {conn?.lastTestedAt && (
            <Typography.Text type="secondary">{t('wecom.lastTestedAt', { time: formatTime(conn.lastTestedAt) })}</Typography.Text>
          )}
        </Flex>
      </Form>
      {tested && <TestResult result={tested} />}
    </Card>
  );
}

function TestResult({ result }: { result: WecomConnectionTest }) {
  const { t } = useTranslation();
  const facts = [result.followUsers !== null ? t('wecom.testUsers', { count: result.followUsers }) : null, t('wecom.testMs', { ms: result.ms })];
  return (
    <div data-testid="wecom-test-result" data-ok={result.ok} style={{ marginTop: 16 }}>
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        title={t('wecom.testTitle', { verdict: result.ok ? t('wecom.testOk') : t('wecom.testFail'), message: result.message })}
        description={facts.filter(Boolean).join(' · ')}
      />
    </div>
  );
}
