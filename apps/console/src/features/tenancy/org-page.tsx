import { EditOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import type { Staff } from '@siyu/contracts';
import { App, Badge, Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_DEPTS, DepartmentTree } from './department-tree.tsx';
import { subtreeIds } from './department-tree-data.ts';
import { useDepartments, useStaffList, useStaffMutations } from './org.api.ts';
import { canManageRole, useCan, useMe } from './permissions.ts';
import { ROLE_COLOR } from './roles.ts';
import { StaffFormModal } from './staff-form-modal.tsx';

export function OrgPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const staff = useStaffList();
  const depts = useDepartments();
  const [selected, setSelected] = useState(ALL_DEPTS);
  // undefined: closed; null: creating; a Staff: editing.
  const [editing, setEditing] = useState<Staff | null | undefined>(undefined);
  // Everyone may read the list; admins manage accounts, though none that outrank them.
  const canManage = useCan()('staff.manage');
  const { unlock } = useStaffMutations();
  const { message } = App.useApp();
  const doUnlock = (s: Staff) =>
    unlock.mutate(s.id, {
      onSuccess: (r) => message.success(r.cleared ? t('org.unlocked', { name: s.name, count: r.cleared }) : t('org.unlockedNothing', { name: s.name })),
    });

  const rows = useMemo(() => {
    const all = staff.data ?? [];
    if (selected === ALL_DEPTS) return all;
    const ids = subtreeIds(depts.data ?? [], selected);
    return all.filter((s) => s.departmentId && ids.has(s.departmentId));
  }, [staff.data, depts.data, selected]);

  const columns: TableColumnsType<Staff> = [
    { title: t('org.col.name'), dataIndex: 'name' },
    { title: t('org.col.username'), dataIndex: 'username' },
    { title: t('org.col.role'), dataIndex: 'role', render: (r: Staff['role']) => <Tag color={ROLE_COLOR[r]}>{t(`role.${r}`)}</Tag> },
    { title: t('org.col.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    { title: t('org.col.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    { title: t('org.col.customerCount'), dataIndex: 'customerCount', align: 'right' },
    {
      title: t('org.col.status'),
      dataIndex: 'active',
      render: (a: boolean, s) => (
        <Space size={4}>
          <Badge status={a ? 'success' : 'default'} text={a ? t('org.active') : t('org.disabled')} />
          {s.loginLocked && (
            <Tooltip title={t('org.loginLockedHelp')}>
              <Tag color="red" data-testid="staff-login-locked">
                {t('org.loginLocked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        canManageRole(me, s.role) && (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="edit-staff">
              {t('common.edit')}
            </Button>
            {s.loginLocked && (
              <Popconfirm title={t('org.unlockConfirm', { name: s.name })} onConfirm={() => doUnlock(s)}>
                <Button type="link" size="small" icon={<UnlockOutlined />} loading={unlock.isPending && unlock.variables === s.id} data-testid="unlock-staff">
                  {t('org.unlock')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    });
  }

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('org.title')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8} xl={6}>
          <DepartmentTree selected={selected} onSelect={setSelected} totalStaff={staff.data?.length ?? 0} />
        </Col>
        <Col xs={24} md={16} xl={18}>
          <Card
            size="small"
            title={t('org.staff')}
            extra={
              canManage && (
                <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="new-staff">
                  {t('org.newStaff')}
                </Button>
              )
            }
          >
            <Table<Staff> rowKey="id" size="middle" columns={columns} dataSource={rows} loading={staff.isPending} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="staff-table" />
          </Card>
        </Col>
      </Row>
      {canManage && (
        <StaffFormModal
          open={editing !== undefined}
          staff={editing}
          defaultDepartmentId={selected === ALL_DEPTS ? null : selected}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
