import type { OrderListItem } from '@siyu/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CommerceGate } from './commerce-gate.tsx';
import { orderColumns } from './order-columns.tsx';
import { OrderDrawer } from './order-drawer.tsx';
import { OrderFilters } from './order-filters.tsx';
import { useOrderList } from './orders.api.ts';
import { useOrderListState } from './use-order-list-state.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';

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
      <PageTitle title={t('orders.title')} />

      <OrderFilters state={state} />

      <PagedTable<OrderListItem>
        testIds={{ table: 'orders-table', row: 'order-row', pager: 'orders-' }}
        rowKey="id"
        columns={columns}
        rows={data?.items}
        emptyText={t('orders.empty')}
        scrollX={1100}
        fixedLayout
        onOpen={(o) => state.open(o.id)}
        rowAttrs={(o) => ({ 'data-order-no': o.orderNo })}
        page={state.page}
        nextCursor={data?.nextCursor}
        fetching={list.isFetching}
        busy={list.isFetching || list.isPlaceholderData}
        onPrev={state.prev}
        onNext={state.next}
      />

      <OrderDrawer orderId={state.orderId} onClose={state.close} />
    </>
  );
}
