import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevealPhone } from './customers.api.ts';

type Props = { customerId: string; open: boolean; onClose: () => void };

/**
 * Asks why before showing a full phone number: the server writes the reason to the audit log.
 * The number lives only in this mutation's state and is dropped on close, never cached.
 */
export function RevealPhoneModal({ customerId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealPhone(customerId);
  const revealed = reveal.isSuccess;

  const close = () => {
    reveal.reset();
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('detail.revealTitle')}
      onCancel={close}
      onOk={revealed ? close : () => form.submit()}
      okText={revealed ? t('common.ok') : t('detail.revealSubmit')}
      cancelButtonProps={{ style: revealed ? { display: 'none' } : undefined }}
      confirmLoading={reveal.isPending}
      forceRender
    >
      {revealed && (
        <>
          <Typography.Title level={3} copyable={reveal.data.phone ? { text: reveal.data.phone } : false} data-testid="revealed-phone">
            {reveal.data.phone ?? t('detail.revealNone')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('detail.revealShownOnce')}</Typography.Text>
        </>
      )}
      {/* Hidden, not unmounted, after the reveal: the form instance must stay connected to reset it. */}
      <div style={revealed ? { display: 'none' } : undefined}>
          <Alert type="warning" showIcon icon={<SafetyCertificateOutlined />} title={t('detail.revealAudit')} style={{ marginBottom: 16 }} />
          <Form form={form} name="reveal-phone" layout="vertical" onFinish={(v) => reveal.mutate(v.reason.trim())}>
            <Form.Item
              name="reason"
              label={t('detail.revealReason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('detail.revealReasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={200} placeholder={t('detail.revealReasonPlaceholder')} data-testid="reveal-reason" />
            </Form.Item>
          </Form>
      </div>
    </Modal>
  );
}
