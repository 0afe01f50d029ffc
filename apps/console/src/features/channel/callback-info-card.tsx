import type { WecomConnection } from '@siyu/contracts';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';

/** Where WeCom must post events, and how the intake is doing. */
export function CallbackInfoCard({ conn }: { conn: WecomConnection | null }) {
  const { t } = useTranslation();
  if (!conn) {
    return (
      <Card title={t('wecom.callback')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wecom.callbackNone')} />
      </Card>
    );
  }
  // The server knows the path; the host is the one the operator reached the console on.
  const url = `${window.location.origin}${conn.callbackPath}`;
  const failed = conn.callbacksFailed;
  return (
    <Card title={t('wecom.callback')} data-testid="wecom-callback">
      <Typography.Text type="secondary">{t('wecom.callbackUrl')}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text: url, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', marginTop: 4 }}
        data-testid="wecom-callback-url"
      >
        {url}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('wecom.callbackHelp')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="wecom-callback-stats">
        <Col span={24}>
          <Statistic
            title={t('wecom.lastCallback')}
            value={conn.lastCallbackAt ? formatTime(conn.lastCallbackAt) : t('wecom.never')}
            formatter={(v) => <span style={{ fontSize: 20 }}>{v}</span>}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('wecom.callbacks24h')} value={conn.callbacksLast24h} />
        </Col>
        <Col span={8}>
          <Statistic title={t('wecom.callbacksPending')} value={conn.callbacksPending} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('wecom.callbacksFailed')}
            value={failed}
            formatter={(v) => <Typography.Text type={failed > 0 ? 'danger' : undefined} style={{ fontSize: 'inherit' }}>{v}</Typography.Text>}
          />
        </Col>
      </Row>
    </Card>
  );
}
