import { PLATFORM_CREDENTIALS, type Platform, type Shop, type ShopInput } from '@siyu/contracts';
import { App, Col, type ButtonProps, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { blankToNull } from '../../lib/format.ts';
import { platformOptions } from './labels.tsx';
import { useSaveShop } from './shops.api.ts';

type Values = {
  platform: Platform;
  name: string;
  externalId: string;
  apiBaseUrl: string;
  credentials: Partial<Record<string, string>>;
  syncEnabled: boolean;
  syncIntervalMinutes: number;
};

const DEFAULT_INTERVAL = 30;

// Not antd's `type: 'url'`: it rejects localhost and private addresses, where the simulator lives.
function isHttpUrl(v: string | undefined): boolean {
  if (!v?.trim()) return true;
  try {
    return ['http:', 'https:'].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
}

/**
 * The server stores the credentials sent as a whole (they replace the stored set), so a partial set
 * would drop the others: either every field of the platform is filled, or none (keep what is stored).
 */
function allOrNone(values: (string | undefined)[], own: string | undefined): Promise<void> {
  const filled = values.filter((x) => x?.trim()).length;
  if (filled === 0 || filled === values.length || own?.trim()) return Promise.resolve();
  return Promise.reject(new Error(i18n.t('shops.credentialsAll')));
}

/** `shop` null = 新建店铺. Credentials are write-only: empty fields keep what the server holds. */
export function ShopFormModal({ open, shop, onClose }: { open: boolean; shop: Shop | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveShop();
  const platform = Form.useWatch('platform', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      platform: shop?.platform,
      name: shop?.name ?? '',
      externalId: shop?.externalId ?? '',
      apiBaseUrl: shop?.apiBaseUrl ?? '',
      credentials: {},
      syncEnabled: shop?.syncEnabled ?? false,
      syncIntervalMinutes: shop?.syncIntervalMinutes ?? DEFAULT_INTERVAL,
    });
  }, [open, shop, form]);

  const onFinish = (v: Values) => {
    const credentials = Object.fromEntries(
      PLATFORM_CREDENTIALS[v.platform].flatMap(({ key: k }) => (v.credentials?.[k]?.trim() ? [[k, v.credentials[k]!.trim()]] : [])),
    );
    const input: Partial<ShopInput> = {
      name: v.name.trim(),
      externalId: blankToNull(v.externalId),
      apiBaseUrl: blankToNull(v.apiBaseUrl),
      syncEnabled: v.syncEnabled,
      syncIntervalMinutes: v.syncIntervalMinutes,
    };
    if (!shop) input.platform = v.platform;
    if (Object.keys(credentials).length) input.credentials = credentials;
    save.mutate(
      { id: shop?.id ?? null, input },
      {
        onSuccess: () => {
          message.success(shop ? t('common.saved') : t('shops.created'));
          onClose();
        },
      },
    );
  };

  const secretPlaceholder = shop?.hasCredentials ? t('shops.isSet') : t('shops.notSet');

  return (
    <Modal
      open={open}
      title={shop ? t('shops.editTitle') : t('shops.createTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'shop-form-submit' } as ButtonProps}
      width={640}
      forceRender
    >
      <Form<Values> form={form} name="shop-form" layout="vertical" onFinish={onFinish} autoComplete="off" data-testid="shop-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="platform" label={t('shops.field.platform')} rules={[{ required: true, message: t('shops.platformRequired') }]}>
              {/* A shop's orders carry its platform: it is chosen once. */}
              <Select options={platformOptions()} disabled={!!shop} data-testid="shop-platform" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('shops.field.name')} rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }]}>
              <Input maxLength={60} data-testid="shop-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="externalId" label={t('shops.field.externalId')} extra={t('shops.field.externalIdHelp')}>
          <Input maxLength={64} data-testid="shop-external-id" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('shops.field.credentials')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('shops.field.credentialsHelp')}</Typography.Paragraph>
        <Form.Item
          name="apiBaseUrl"
          label={t('shops.field.apiBaseUrl')}
          extra={t('shops.field.apiBaseUrlHelp')}
          rules={[{ validator: (_, v: string | undefined) => (isHttpUrl(v) ? Promise.resolve() : Promise.reject(new Error(t('shops.urlFormat')))) }]}
        >
          <Input maxLength={300} placeholder="https://" data-testid="shop-api-base-url" />
        </Form.Item>
        {platform && (
          <Row gutter={16}>
            {PLATFORM_CREDENTIALS[platform].map(({ key: k, label }) => (
              <Col xs={24} md={12} key={k}>
                <Form.Item
                  name={['credentials', k]}
                  label={label}
                  dependencies={PLATFORM_CREDENTIALS[platform].filter((o) => o.key !== k).map((o) => ['credentials', o.key])}
                  rules={[{ max: 512 }, ({ getFieldValue }) => ({ validator: (_, v?: string) => allOrNone(PLATFORM_CREDENTIALS[platform].map((o) => getFieldValue(['credentials', o.key])), v) })]}
                >
                  <Input.Password placeholder={secretPlaceholder} autoComplete="new-password" data-testid={`shop-credential-${k}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        <Space size="large" align="start">
          <Form.Item name="syncEnabled" label={t('shops.field.syncEnabled')} valuePropName="checked">
            <Switch data-testid="shop-sync-enabled" />
          </Form.Item>
          <Form.Item label={t('shops.field.syncInterval')} required>
            <Space.Compact>
              <Form.Item name="syncIntervalMinutes" noStyle rules={[{ required: true }]}>
                <InputNumber min={5} max={1440} precision={0} style={{ width: 120 }} data-testid="shop-sync-interval" />
              </Form.Item>
              <Space.Addon>{t('shops.field.minutes')}</Space.Addon>
            </Space.Compact>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
