import type { CustomerCreateInput } from '@siyu/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffList } from '../tenancy/org.api.ts';
import { useCan } from '../tenancy/permissions.ts';
import { useCreateCustomer } from './customers.api.ts';
import { GENDERS } from './gender.ts';

type Props = { open: boolean; onClose: () => void; onCreated: (id: string) => void };

export function CustomerCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerCreateInput>();
  const create = useCreateCustomer();
  // Only admins may hand a new customer to someone else; everyone else owns what they create.
  const canAssign = useCan()('customer.assignOwner');
  const staff = useStaffList();

  const onFinish = (v: CustomerCreateInput) => {
    // Send only what was filled in: the API treats an absent field as "not known".
    const input: CustomerCreateInput = { name: v.name.trim(), gender: v.gender ?? 'unknown' };
    if (v.phone?.trim()) input.phone = v.phone.trim();
    if (v.province?.trim()) input.province = v.province.trim();
    if (v.city?.trim()) input.city = v.city.trim();
    if (v.remark?.trim()) input.remark = v.remark.trim();
    if (canAssign && v.ownerStaffId) input.ownerStaffId = v.ownerStaffId;
    create.mutate(input, {
      onSuccess: (c) => {
        message.success(t('customers.created'));
        form.resetFields();
        onCreated(c.id);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('customers.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<CustomerCreateInput> form={form} name="customer-create" layout="vertical" onFinish={onFinish} initialValues={{ gender: 'unknown' }}>
        <Form.Item name="name" label={t('customers.field.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input maxLength={64} data-testid="customer-form-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('customers.field.gender')}>
          <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('customers.field.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('customers.phoneFormat') }]}>
          <Input maxLength={11} data-testid="customer-form-phone" />
        </Form.Item>
        <Form.Item label={t('customers.col.region')} style={{ marginBottom: 0 }}>
          <Form.Item name="province" style={{ display: 'inline-block', width: 'calc(50% - 6px)', marginRight: 12 }}>
            <Input placeholder={t('customers.field.province')} maxLength={32} />
          </Form.Item>
          <Form.Item name="city" style={{ display: 'inline-block', width: 'calc(50% - 6px)' }}>
            <Input placeholder={t('customers.field.city')} maxLength={32} />
          </Form.Item>
        </Form.Item>
        {canAssign && (
          <Form.Item name="ownerStaffId" label={t('customers.field.owner')} extra={t('customers.ownerHelp')}>
            <Select
              allowClear
              loading={staff.isPending}
              options={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="customer-form-owner"
            />
          </Form.Item>
        )}
        <Form.Item name="remark" label={t('customers.field.remark')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
