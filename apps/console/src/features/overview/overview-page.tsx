import { MobileOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { MatchRateCard } from '../commerce/match-rate-chart.tsx';
import { useCan } from '../tenancy/permissions.ts';
import { NewCustomersChart, SourceChart } from './overview-charts.tsx';
import { useCustomerStats } from './stats.api.ts';

export function OverviewPage() {
  const { t } = useTranslation();
  const stats = useCustomerStats();
  const canCommerce = useCan()('commerce.view');

  if (stats.isPending) return <Skeleton active />;
  if (stats.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={stats.error.message} />;

  const s = stats.data;
  const rate = s.total ? Math.round((s.withPhone / s.total) * 1000) / 10 : 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title={t('overview.total')} value={s.total} prefix={<TeamOutlined />} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title={t('overview.withPhone')} value={s.withPhone} prefix={<MobileOutlined />} suffix={<span style={{ fontSize: 14, color: '#8c8c8c' }}>{t('overview.withPhoneRate', { rate })}</span>} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title={t('overview.ownedByMe')} value={s.ownedByMe} prefix={<UserOutlined />} />
        </Card>
      </Col>
      {/* Side by side only from xl: at lg the source card is too narrow for its legend and ring. */}
      <Col xs={24} xl={13}>
        <NewCustomersChart byDay={s.byDay} />
      </Col>
      <Col xs={24} xl={11}>
        <SourceChart bySource={s.bySource} />
      </Col>
      {canCommerce && (
        <Col xs={24}>
          <MatchRateCard />
        </Col>
      )}
    </Row>
  );
}
