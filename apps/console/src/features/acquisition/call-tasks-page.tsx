import { Empty, Flex, Pagination, Segmented, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { useCallLists, useCallTasks, type TaskView } from './call-lists.api.ts';
import { CallTaskCard } from './call-task-card.tsx';

const VIEWS: TaskView[] = ['due', 'scheduled', 'done', 'all'];
const PAGE = 20;

/** 我的回访: the caller's queue — never-called first, then call-backs whose time has come. */
export function CallTasksPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<TaskView>('due');
  const [listId, setListId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const lists = useCallLists();
  const tasks = useCallTasks({ view, listId, offset: (page - 1) * PAGE });

  return (
    <>
      <PageTitle
        title={t('callTasks.title')}
        extra={
          <Select allowClear placeholder={t('callTasks.list')} style={{ width: 220 }} value={listId}
            onChange={(v) => { setListId(v); setPage(1); }}
            options={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))} />
        }
      />
      <Segmented<TaskView>
        value={view}
        onChange={(v) => { setView(v); setPage(1); }}
        options={VIEWS.map((v) => ({ value: v, label: t(`callTasks.view.${v}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="call-task-views"
      />
      {tasks.isPending ? (
        <Skeleton active />
      ) : !tasks.data?.items.length ? (
        <Empty description={t('callTasks.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {tasks.data.items.map((task) => <CallTaskCard key={task.id} task={task} />)}
          {tasks.data.total > PAGE && (
            <Pagination current={page} pageSize={PAGE} total={tasks.data.total} onChange={setPage} showSizeChanger={false} style={{ alignSelf: 'end' }} />
          )}
        </Flex>
      )}
    </>
  );
}
