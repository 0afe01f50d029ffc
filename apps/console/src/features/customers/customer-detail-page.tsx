import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { CustomerSource } from '../channel/channel-name.tsx';
import { CustomerAvatar } from './customer-columns.tsx';
import { CustomerEditModal } from './customer-edit-modal.tsx';
import { CustomerIdentitiesCard } from './customer-identities-card.tsx';
import { CustomerOrdersCard } from './customer-orders-card.tsx';
import { CustomerProfileCard } from './customer-profile-card.tsx';
import { CustomerTagsCard } from './customer-tags-card.tsx';
import { CustomerTimelineCard } from './customer-timeline-card.tsx';
import { CustomerWecomCard } from './customer-wecom-card.tsx';
import { useCustomer } from './customers.api.ts';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customer = useCustomer(id);
  const [editing, setEditing] = useState(false);

  if (customer.isPending) return <Skeleton active avatar paragraph={{ rows: 8 }} />;
  if (customer.isError) {
    // 404 covers both "no such customer" and "not in your data scope": the server does not tell them apart.
    const notFound = isApiError(customer.error, 404) || isApiError(customer.error, 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('detail.notFound') : t('common.loadFailed')}
        subTitle={notFound ? undefined : customer.error.message}
        extra={
          <Button type="primary" onClick={() => navigate('/customers')}>
            {t('detail.backToList')}
          </Button>
        }
      />
    );
  }

  const c = customer.data;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space size="middle">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          <CustomerAvatar name={c.name} avatarUrl={c.avatarUrl} size={48} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <Space size={4}>
              {c.nickname && <Typography.Text type="secondary">{c.nickname}</Typography.Text>}
              {(c.source || c.sourceChannel) && (
                <Tag>
                  <CustomerSource source={c.source} channel={c.sourceChannel} />
                </Tag>
              )}
            </Space>
          </div>
        </Space>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
          {t('detail.edit')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <CustomerProfileCard customer={c} />
            <CustomerTagsCard customerId={c.id} tags={c.tags} />
            <CustomerOrdersCard customerId={c.id} />
            <CustomerWecomCard customerId={c.id} />
            <CustomerIdentitiesCard identities={c.identities} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <CustomerTimelineCard customerId={c.id} />
        </Col>
      </Row>
      <CustomerEditModal open={editing} customer={c} onClose={() => setEditing(false)} />
    </>
  );
}
