import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { OrderListItem } from '@siyu/contracts';
import { Button, Flex, Space, Table, Typography } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CommerceGate } from './commerce-gate.tsx';
import { orderColumns } from './order-columns.tsx';
import { OrderDrawer } from './order-drawer.tsx';
import { OrderFilters } from './order-filters.tsx';
import { useOrderList } from './orders.api.ts';
import { useOrderListState } from './use-order-list-state.ts';

/** 订单: orders from every shop and platform, imported or synced; a row opens the order. */
export function OrdersPage() {
  return (
    <CommerceGate>
      <OrdersView />
    </CommerceGate>
  );
}

function OrdersView() {
  const { t } = useTranslation();
  const state = useOrderListState();
  const list = useOrderList(state.filters, state.cursor);
  const columns = useMemo(() => orderColumns(t), [t]);
  const data = list.data;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('orders.title')}
        </Typography.Title>
      </Flex>

      <OrderFilters state={state} />

      <div data-testid="orders-table">
        <Table<OrderListItem>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          pagination={false}
          locale={{ emptyText: t('orders.empty') }}
          scroll={{ x: 1100 }}
          tableLayout="fixed"
          onRow={(o) =>
            ({
              'data-testid': 'order-row',
              'data-order-no': o.orderNo,
              onClick: () => state.open(o.id),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </div>

      <Flex justify="flex-end" align="center" style={{ marginTop: 16 }}>
        <Space>
          <Typography.Text type="secondary">{t('customers.page', { page: state.page })}</Typography.Text>
          <Button icon={<LeftOutlined />} disabled={state.page <= 1 || list.isFetching} onClick={state.prev} data-testid="orders-prev-page">
            {t('customers.prevPage')}
          </Button>
          <Button
            disabled={!data?.nextCursor || list.isPlaceholderData || list.isFetching}
            onClick={() => data?.nextCursor && state.next(data.nextCursor)}
            data-testid="orders-next-page"
          >
            {t('customers.nextPage')} <RightOutlined />
          </Button>
        </Space>
      </Flex>

      <OrderDrawer orderId={state.orderId} onClose={state.close} />
    </>
  );
}
