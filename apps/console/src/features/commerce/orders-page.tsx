import type { OrderListItem } from '@siyu/contracts';
import { Flex, Table, Typography } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CommerceGate } from './commerce-gate.tsx';
import { orderColumns } from './order-columns.tsx';
import { OrderDrawer } from './order-drawer.tsx';
import { OrderFilters } from './order-filters.tsx';
import { useOrderList } from './orders.api.ts';
import { useOrderListState } from './use-order-list-state.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';

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
        <CursorPager page={state.page} nextCursor={data?.nextCursor} busy={list.isFetching || list.isPlaceholderData} onPrev={state.prev} onNext={state.next} testIdPrefix="orders-" />
      </Flex>

      <OrderDrawer orderId={state.orderId} onClose={state.close} />
    </>
  );
}
