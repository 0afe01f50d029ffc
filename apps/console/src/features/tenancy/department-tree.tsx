import { DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department } from '@siyu/contracts';
import { App, Button, Card, Dropdown, Flex, Skeleton, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameModal } from '../../components/name-modal.tsx';
import { buildDeptTree, type DeptNode } from './department-tree-data.ts';
import { useDepartmentMutations, useDepartments } from './org.api.ts';
import { useCan } from './permissions.ts';

export const ALL_DEPTS = '__all__';

type Dialog = { kind: 'create'; parentId: string | null } | { kind: 'rename'; dept: Department } | null;
type Props = { selected: string; onSelect: (id: string) => void; totalStaff: number };

export function DepartmentTree({ selected, onSelect, totalStaff }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const depts = useDepartments();
  const m = useDepartmentMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Everyone may read the tree; only admins see the add / rename / delete controls.
  const canManage = useCan()('department.manage');

  const confirmDelete = (d: Department) =>
    modal.confirm({
      title: t('org.deleteDeptConfirm', { name: d.name }),
      okButtonProps: { danger: true },
      // Failures are already shown by the global mutation handler; swallow them so the dialog
      // closes instead of leaving an unhandled rejection behind.
      onOk: () =>
        m.remove.mutateAsync(d.id).then(
          () => {
            message.success(t('common.deleted'));
            if (selected === d.id) onSelect(ALL_DEPTS);
          },
          () => undefined,
        ),
    });

  const treeData = useMemo<TreeDataNode[]>(() => {
    const toNode = (n: DeptNode): TreeDataNode => ({
      key: n.id,
      title: (
        <Flex align="center" justify="space-between" gap={4} className="dept-node">
          <span>
            {n.name} <Typography.Text type="secondary">({n.staffCount})</Typography.Text>
          </span>
          {canManage && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'add', icon: <PlusOutlined />, label: t('org.addChild'), onClick: () => setDialog({ kind: 'create', parentId: n.id }) },
                  { key: 'rename', icon: <EditOutlined />, label: t('common.rename'), onClick: () => setDialog({ kind: 'rename', dept: n }) },
                  { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true, onClick: () => confirmDelete(n) },
                ],
                // The menu sits inside a tree node: its clicks must not also select the node.
                onClick: ({ domEvent }) => domEvent.stopPropagation(),
              }}
            >
              <Button type="text" size="small" icon={<MoreOutlined />} onClick={(e) => e.stopPropagation()} aria-label={t('common.actions')} />
            </Dropdown>
          )}
        </Flex>
      ),
      children: n.children.map(toNode),
    });
    const all: TreeDataNode = {
      key: ALL_DEPTS,
      title: (
        <span>
          {t('org.allStaff')} <Typography.Text type="secondary">({totalStaff})</Typography.Text>
        </span>
      ),
      children: buildDeptTree(depts.data ?? []).map(toNode),
    };
    return [all];
    // confirmDelete is left out: it is recreated each render but only calls stable hooks.
  }, [depts.data, t, totalStaff, canManage]);

  const onName = (name: string) => {
    const ok = () => {
      message.success(t('common.saved'));
      setDialog(null);
    };
    if (dialog?.kind === 'create') m.create.mutate({ name, parentId: dialog.parentId }, { onSuccess: ok });
    if (dialog?.kind === 'rename') m.rename.mutate({ id: dialog.dept.id, name }, { onSuccess: ok });
  };

  return (
    <Card
      title={t('org.departments')}
      size="small"
      extra={
        canManage && (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="new-department">
            {t('org.addRoot')}
          </Button>
        )
      }
    >
      {depts.isPending ? (
        <Skeleton active />
      ) : (
        <Tree
          blockNode
          defaultExpandAll
          treeData={treeData}
          selectedKeys={[selected]}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
          data-testid="department-tree"
        />
      )}
      <NameModal
        formName="department"
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('org.renameDept') : dialog?.kind === 'create' && dialog.parentId ? t('org.addChild') : t('org.addRoot')}
        label={t('org.deptName')}
        requiredMessage={t('org.deptNameRequired')}
        initialName={dialog?.kind === 'rename' ? dialog.dept.name : ''}
        confirmLoading={m.create.isPending || m.rename.isPending}
        onSubmit={onName}
        onCancel={() => setDialog(null)}
      />
    </Card>
  );
}
