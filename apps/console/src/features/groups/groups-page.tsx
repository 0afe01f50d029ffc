import type { GroupListItem } from '@siyu/contracts';
import { Flex, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffList } from '../tenancy/org.api.ts';
import { groupColumns } from './group-columns.tsx';
import { GroupDrawer } from './group-drawer.tsx';
import { useGroupList, type GroupStatus } from './groups.api.ts';
import { useGroupListState } from './use-group-list-state.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';

/** 客户群: the corp's customer groups as synced from WeCom; a row opens the group's members. */
export function GroupsPage() {
  const { t } = useTranslation();
  const state = useGroupListState();
  const list = useGroupList(state.filters, state.cursor);
  const staff = useStaffList();
  const columns = useMemo(() => groupColumns(t), [t]);
  const data = list.data;

  return (
    <>
      <PageTitle title={t('groups.title')} />

      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          // Remount when the URL's query changes from outside (back button), so the box follows it.
          key={state.filters.q ?? ''}
          defaultValue={state.filters.q}
          onSearch={state.setQ}
          placeholder={t('groups.searchPlaceholder')}
          allowClear
          maxLength={50}
          style={{ width: 280 }}
          data-testid="group-search"
        />
        <Select
          allowClear
          value={state.filters.ownerStaffId}
          onChange={(v?: string) => state.setOwner(v)}
          placeholder={t('groups.ownerFilter')}
          loading={staff.isPending}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          data-testid="group-owner-filter"
        />
        <Select
          allowClear
          value={state.filters.status}
          onChange={(v?: GroupStatus) => state.setStatus(v)}
          placeholder={t('groups.statusFilter')}
          options={(['active', 'dismissed'] as const).map((s) => ({ value: s, label: t(`groups.status.${s}`) }))}
          style={{ width: 120 }}
          data-testid="group-status-filter"
        />
      </Flex>

      <PagedTable<GroupListItem>
        testIds={{ table: 'groups-table', row: 'group-row', total: 'groups-total', pager: 'groups-' }}
        rowKey="chatId"
        columns={columns}
        rows={data?.items}
        emptyText={t('groups.empty')}
        scrollX={800}
        onOpen={(g) => state.open(g.chatId)}
        total={data ? t('groups.total', { count: data.total }) : ''}
        page={state.page}
        nextCursor={data?.nextCursor}
        fetching={list.isFetching}
        busy={list.isFetching || list.isPlaceholderData}
        onPrev={state.prev}
        onNext={state.next}
      />

      <GroupDrawer chatId={state.chatId} onClose={state.close} />
    </>
  );
}
