import { PlusOutlined } from '@ant-design/icons';
import type { CustomerListItem } from '@siyu/contracts';
import { Button, Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TagSelect } from '../tagging/tag-select.tsx';
import { useStaffList } from '../tenancy/org.api.ts';
import { CustomerSearch } from './customer-search.tsx';
import { CustomerCreateModal } from './customer-create-modal.tsx';
import { customerColumns } from './customer-columns.tsx';
import { useCustomerList } from './customers.api.ts';
import { useCustomerListState } from './use-list-state.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';

export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useCustomerListState();
  const list = useCustomerList(state.filters, state.cursor);
  // The server counts only on the first page; later pages read the total from its (cached) answer.
  const firstPage = useCustomerList(state.filters, undefined);
  const counted = firstPage.data;
  const staff = useStaffList();
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => customerColumns(t), [t]);
  const data = list.data;

  return (
    <>
      <PageTitle
        title={t('customers.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer">
            {t('customers.create')}
          </Button>
        }
      />

      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <CustomerSearch value={state.filters.q} onSearch={state.setQ} />
        <TagSelect
          value={state.filters.tagIds ?? []}
          onChange={state.setTagIds}
          placeholder={t('customers.tagFilter')}
          style={{ minWidth: 280 }}
          data-testid="customer-tag-filter"
        />
        <Select
          allowClear
          value={state.filters.ownerStaffId}
          onChange={(v?: string) => state.setOwner(v)}
          placeholder={t('customers.ownerFilter')}
          loading={staff.isPending}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          data-testid="customer-owner-filter"
        />
      </Flex>

      <PagedTable<CustomerListItem>
        testIds={{ table: 'customers-table', row: 'customer-row', total: 'customers-total' }}
        rowKey="id"
        columns={columns}
        rows={data?.items}
        scrollX={1000}
        onOpen={(c) => navigate(`/customers/${c.id}`)}
        total={counted && counted.total !== null ? (counted.totalCapped ? t('customers.totalCapped') : t('customers.total', { count: counted.total })) : ''}
        page={state.page}
        nextCursor={data?.nextCursor}
        fetching={list.isFetching}
        busy={list.isFetching || list.isPlaceholderData}
        onPrev={state.prev}
        onNext={state.next}
      />

      <CustomerCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/customers/${id}`);
        }}
      />
    </>
  );
}
