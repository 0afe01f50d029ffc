import type { Platform } from '@siyu/contracts';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../tenancy/permissions.ts';
import { useBindOrder, useUndoMerge } from './bind.api.ts';
import { platformOptions } from './labels.tsx';

type Values = { platform?: Platform; orderNo: string; consent: boolean; note?: string };

/**
 * 绑定订单: a staff member enters the order number a customer gave them in the chat, with the
 * customer's consent; the buyer's orders join this customer (merging the buyer's own record).
 */
export function BindOrderModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const bind = useBindOrder();
  const undo = useUndoMerge();
  const canUndo = useCan()('customer.undoMerge');
  const result = bind.data;
  const { reset: resetBind } = bind;
  const { reset: resetUndo } = undo;

  // Each opening starts blank: a new order number, a fresh consent.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    resetBind();
    resetUndo();
  }, [open, form, resetBind, resetUndo]);

  const onFinish = (v: Values) =>
    bind.mutate({ customerId, orderNo: v.orderNo.trim(), platform: v.platform, consent: true, note: v.note?.trim() || undefined });

  const footer = result
    ? [
        <Button key="ok" type="primary" onClick={onClose} data-testid="bind-order-done">
          {t('common.ok')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={bind.isPending} onClick={() => form.submit()} data-testid="bind-order-submit">
          {t('bindOrder.submit')}
        </Button>,
      ];

  return (
    <Modal open={open} title={t('bindOrder.title')} onCancel={onClose} footer={footer} forceRender>
      {result && (
        <Result
          status="success"
          title={<span data-testid="bind-order-result">{t('bindOrder.done', { count: result.orders })}</span>}
          subTitle={result.mergeId ? t('bindOrder.merged') : undefined}
          extra={
            result.mergeId && canUndo ? (
              <Button
                danger
                loading={undo.isPending}
                disabled={undo.isSuccess}
                onClick={() => result.mergeId && undo.mutate(result.mergeId, { onSuccess: () => message.success(t('bindOrder.undone')) })}
                data-testid="bind-order-undo"
              >
                {undo.isSuccess ? t('bindOrder.undone') : t('bindOrder.undo')}
              </Button>
            ) : undefined
          }
        />
      )}
      {/* Hidden, not unmounted, after binding: the form instance must stay connected to reset it. */}
      <div style={result ? { display: 'none' } : undefined}>
        <Typography.Paragraph type="secondary">{t('bindOrder.intro')}</Typography.Paragraph>
        {bind.error && <Alert type="error" showIcon title={bind.error.message} style={{ marginBottom: 16 }} data-testid="bind-order-error" />}
        <Form<Values> form={form} name="bind-order" layout="vertical" onFinish={onFinish} autoComplete="off" disabled={bind.isPending}>
          <Form.Item name="platform" label={t('bindOrder.platform')}>
            <Select allowClear placeholder={t('bindOrder.platformAny')} options={platformOptions()} data-testid="bind-order-platform" />
          </Form.Item>
          <Form.Item
            name="orderNo"
            label={t('bindOrder.orderNo')}
            rules={[{ required: true, whitespace: true, min: 4, max: 40, message: t('bindOrder.orderNoRequired') }]}
          >
            <Input maxLength={40} inputMode="numeric" data-testid="bind-order-no" />
          </Form.Item>
          <Form.Item name="note" label={t('bindOrder.note')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('bindOrder.consentRequired')))) }]}
            style={{ marginBottom: 0 }}
          >
            <Checkbox data-testid="bind-order-consent">{t('bindOrder.consent')}</Checkbox>
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
