import type { CustomerDetail, CustomerUpdateInput } from '@siyu/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull } from '../../lib/format.ts';
import { useUpdateCustomer } from './customers.api.ts';
import { GENDERS, type Gender } from './gender.ts';

type Values = {
  name: string;
  gender: Gender;
  birthday: Dayjs | null;
  remark: string;
  province: string;
  city: string;
  phone: string;
};

type Props = { open: boolean; customer: CustomerDetail; onClose: () => void };

export function CustomerEditModal({ open, customer: c, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCustomer(c.id);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      name: c.name,
      gender: c.gender,
      birthday: c.birthday ? dayjs(c.birthday) : null,
      remark: c.remark ?? '',
      province: c.province ?? '',
      city: c.city ?? '',
      phone: '', // only the masked number is known here; empty means "keep"
    });
  }, [open, c, form]);

  const onFinish = (v: Values) => {
    const patch: CustomerUpdateInput = {
      name: v.name.trim(),
      gender: v.gender,
      birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
      remark: blankToNull(v.remark),
      province: blankToNull(v.province),
      city: blankToNull(v.city),
    };
    if (v.phone.trim()) patch.phone = v.phone.trim();
    update.mutate(patch, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
    });
  };

  return (
    <Modal open={open} title={t('detail.editTitle')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={update.isPending} forceRender>
      <Form<Values> form={form} name="customer-edit" layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('customers.field.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('customers.field.gender')} style={{ marginBottom: 0 }}>
          <Form.Item name="gender" style={{ display: 'inline-block', width: 'calc(50% - 6px)', marginRight: 12 }}>
            <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
          </Form.Item>
          <Form.Item name="birthday" style={{ display: 'inline-block', width: 'calc(50% - 6px)' }}>
            <DatePicker style={{ width: '100%' }} placeholder={t('customers.field.birthday')} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('customers.field.phone')}
          extra={c.phoneMasked ? `${c.phoneMasked} · ${t('customers.field.phoneKeep')}` : undefined}
          rules={[{ pattern: /^1\d{10}$/, message: t('customers.phoneFormat') }]}
        >
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item label={t('customers.col.region')} style={{ marginBottom: 0 }}>
          <Form.Item name="province" style={{ display: 'inline-block', width: 'calc(50% - 6px)', marginRight: 12 }}>
            <Input placeholder={t('customers.field.province')} maxLength={32} />
          </Form.Item>
          <Form.Item name="city" style={{ display: 'inline-block', width: 'calc(50% - 6px)' }}>
            <Input placeholder={t('customers.field.city')} maxLength={32} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="remark" label={t('customers.field.remark')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
