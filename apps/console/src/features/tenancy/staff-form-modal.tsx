import type { Role, Staff, StaffCreateInput, StaffUpdateInput } from '@siyu/contracts';
import { App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDeptTree, toTreeSelect } from './department-tree-data.ts';
import { useDepartments, useStaffMutations } from './org.api.ts';
import { canManageRole, useMe } from './permissions.ts';
import { ROLES } from './roles.ts';

type Values = {
  username: string;
  name: string;
  password: string;
  role: Role;
  departmentId: string | null;
  phone: string;
  active: boolean;
};

type Props = {
  open: boolean;
  /** The staff member being edited; absent when creating. */
  staff?: Staff | null;
  /** Preselected department when creating from a selected tree node. */
  defaultDepartmentId?: string | null;
  onClose: () => void;
};

export function StaffFormModal({ open, staff, defaultDepartmentId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const depts = useDepartments();
  const m = useStaffMutations();
  const editing = !!staff;
  const me = useMe().data;
  // The server refuses to grant a role above one's own, and to change one's own role or status.
  const roleOptions = useMemo(() => ROLES.filter((r) => canManageRole(me, r)).map((r) => ({ value: r, label: t(`role.${r}`) })), [me, t]);
  const self = !!staff && staff.id === me?.staffId;
  const treeData = useMemo(() => toTreeSelect(buildDeptTree(depts.data ?? [])), [depts.data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      staff
        ? { name: staff.name, role: staff.role, departmentId: staff.departmentId, active: staff.active, password: '' }
        : { role: 'staff', departmentId: defaultDepartmentId ?? null, active: true },
    );
  }, [open, staff, defaultDepartmentId, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const onFinish = (v: Values) => {
    if (staff) {
      const patch: StaffUpdateInput = { name: v.name.trim(), role: v.role, departmentId: v.departmentId ?? null, active: v.active };
      if (v.password) patch.password = v.password; // empty: keep the current password
      m.update.mutate({ id: staff.id, ...patch }, { onSuccess: done });
    } else {
      const input: StaffCreateInput = {
        username: v.username.trim(),
        name: v.name.trim(),
        password: v.password,
        role: v.role,
        departmentId: v.departmentId ?? null,
      };
      if (v.phone?.trim()) input.phone = v.phone.trim();
      m.create.mutate(input, { onSuccess: done });
    }
  };

  const required = { required: true, whitespace: true, message: t('org.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('org.editStaff') : t('org.newStaff')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.create.isPending || m.update.isPending}
      forceRender
    >
      <Form<Values> form={form} name="staff" layout="vertical" onFinish={onFinish} autoComplete="off">
        {!editing && (
          <Form.Item
            name="username"
            label={t('org.field.username')}
            extra={t('org.field.usernameHelp')}
            rules={[required, { pattern: /^[A-Za-z0-9._-]{2,64}$/, message: t('org.usernameFormat') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.field.name')} rules={[required]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('org.field.resetPassword') : t('org.field.password')}
          extra={editing ? t('org.field.resetPasswordHelp') : undefined}
          rules={[...(editing ? [] : [{ required: true, message: t('org.required') }]), { min: 8, message: t('org.passwordMin') }]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('org.field.role')} rules={[{ required: true, message: t('org.required') }]}>
          <Select options={roleOptions} disabled={self} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('org.field.department')}>
          <TreeSelect treeData={treeData} allowClear treeDefaultExpandAll placeholder={t('org.noDepartment')} />
        </Form.Item>
        {!editing && (
          <Form.Item name="phone" label={t('org.field.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('customers.phoneFormat') }]}>
            <Input maxLength={11} />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="active" label={t('org.field.active')} valuePropName="checked">
            <Switch disabled={self} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
