import { GiftOutlined } from '@ant-design/icons';
import type { H5LinkStatus } from '@siyu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';

type Values = { orderNo: string; consent: boolean };

const MIN_TOKEN = 10; // as H5BindInput: shorter is not a link Siyu made

/**
 * /h5/bind?t=… — the customer's own page, opened from a staff member's chat: no login, no menu,
 * phone width, and no brand name (the link is the brand's; the page stays neutral).
 */
export function H5BindPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  // The tab shows what the customer is doing, not the console's name.
  useEffect(() => {
    const before = document.title;
    document.title = t('h5.title');
    return () => void (document.title = before);
  }, [t]);
  // The link is checked before anything is asked: a made-up, altered or expired link gets its
  // answer at once instead of a form that can only fail.
  const link = useQuery({
    queryKey: ['h5-link', token],
    queryFn: () => api.post<H5LinkStatus>('/api/h5/link', { token }),
    enabled: token.length >= MIN_TOKEN,
    staleTime: Infinity,
    meta: { silent: true }, // the page shows the failure itself
  });
  const bind = useMutation({
    mutationFn: (v: Values) => api.post<{ ok: true; orders: number }>('/api/h5/bind', { token, orderNo: v.orderNo.trim(), consent: true }),
    meta: { silent: true }, // the page shows the server's message itself
  });

  const status = token.length < MIN_TOKEN ? 'invalid' : link.data?.status;
  let body;
  if (status === 'invalid' || status === 'expired') {
    body = (
      <div data-testid="h5-result" data-ok="false" data-link={status}>
        <Result status="warning" title={t(status === 'expired' ? 'h5.expired' : 'h5.invalid')} subTitle={t(status === 'expired' ? 'h5.expiredHint' : 'h5.invalidHint')} />
      </div>
    );
  } else if (link.isError) {
    body = (
      <div data-testid="h5-result" data-ok="false">
        <Result status="warning" title={link.error.message} extra={<Button onClick={() => void link.refetch()}>{t('common.retry')}</Button>} />
      </div>
    );
  } else if (status !== 'valid') {
    body = (
      <div data-testid="h5-checking">
        <Skeleton active paragraph={{ rows: 3 }} />
      </div>
    );
  } else if (bind.isSuccess) {
    body = (
      <div data-testid="h5-result" data-ok="true">
        <Result status="success" title={t('h5.success')} subTitle={
            <>
              <div>{t('h5.bound', { count: bind.data.orders })}</div>
              <div>{t('h5.successHint')}</div>
            </>
          } />
        <Button block onClick={() => bind.reset()}>
          {t('h5.again')}
        </Button>
      </div>
    );
  } else {
    body = (
      <>
        {bind.isError && (
          <div data-testid="h5-result" data-ok="false" style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={bind.error.message} />
          </div>
        )}
        <Form<Values> name="h5-bind" layout="vertical" onFinish={(v) => bind.mutate(v)} requiredMark={false} disabled={bind.isPending} size="large">
          <Form.Item name="orderNo" label={t('h5.orderNo')} rules={[{ required: true, whitespace: true, min: 4, max: 40, message: t('h5.orderNoRequired') }]}>
            <Input placeholder={t('h5.orderNoPlaceholder')} inputMode="numeric" maxLength={40} allowClear data-testid="h5-order-no" />
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('h5.consentRequired')))) }]}
          >
            <Checkbox data-testid="h5-consent">{t('h5.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={bind.isPending} data-testid="h5-submit">
            {t('h5.submit')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <div style={{ minHeight: '100%', background: '#f5f5f5', display: 'flex', justifyContent: 'center' }}>
      <main style={{ width: '100%', maxWidth: 480, padding: '32px 20px', boxSizing: 'border-box' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <GiftOutlined style={{ fontSize: 40, color: '#fa541c' }} />
          <Typography.Title level={3} style={{ margin: '12px 0 8px' }}>
            {t('h5.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('h5.intro')}</Typography.Text>
        </div>
        <div style={{ background: '#fff', borderRadius: 12, padding: 20 }}>{body}</div>
      </main>
    </div>
  );
}
