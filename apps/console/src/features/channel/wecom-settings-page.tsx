import { Alert, Col, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CallbackInfoCard } from './callback-info-card.tsx';
import { CallbacksCard } from './callbacks-card.tsx';
import { useWecomConnection } from './channel.api.ts';
import { ConnectionCard } from './connection-card.tsx';
import { SyncCard } from './sync-card.tsx';
import { useCanManageWecom } from './wecom-access.ts';

/** 企业微信设置: the corp connection, the callback URL, syncs and the callback intake, on one page. */
export function WecomSettingsPage() {
  const { t } = useTranslation();
  const connection = useWecomConnection();
  const canManage = useCanManageWecom();

  const header = (
    <Typography.Title level={4} style={{ margin: '0 0 16px' }}>
      {t('wecom.title')}
    </Typography.Title>
  );
  if (connection.isPending) {
    return (
      <>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }
  // A first load that failed has nothing to show; a later failed refresh keeps the last data.
  if (connection.isError && connection.data === undefined) {
    return (
      <>
        {header}
        <Result status="error" title={t('common.loadFailed')} subTitle={connection.error.message} />
      </>
    );
  }

  const conn = connection.data ?? null;
  return (
    <>
      {header}
      {!canManage && <Alert type="info" showIcon title={t('wecom.readOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ConnectionCard conn={conn} canManage={canManage} />
        </Col>
        <Col xs={24} xl={10}>
          <CallbackInfoCard conn={conn} />
        </Col>
        <Col span={24}>
          <SyncCard canManage={canManage} configured={!!conn} />
        </Col>
        {/* The callback log carries customer ids and event payload summaries: admins only, as on the server. */}
        {canManage && (
          <Col span={24}>
            <CallbacksCard />
          </Col>
        )}
      </Row>
    </>
  );
}
