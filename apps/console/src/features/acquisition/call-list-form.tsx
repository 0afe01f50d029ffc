import type { CallListInput, OrderStatus } from '@siyu/contracts';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShops } from '../commerce/shops.api.ts';
import { useStaffList } from '../tenancy/org.api.ts';
import { useCreateCallList } from './call-lists.api.ts';

type Values = {
  name: string; shopIds: string[]; range: [Dayjs, Dayjs]; statuses: OrderStatus[]; script: string;
  assignMode: 'round_robin' | 'weight'; staffIds: string[]; weights?: Record<string, number>;
};

const STATUSES: OrderStatus[] = ['paid', 'shipped', 'completed'];

/** 新建回访名单: which shops' buyers (order date, status), the script, and who calls them. */
export function CallListFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shops = useShops();
  const staff = useStaffList();
  const create = useCreateCallList();
  const mode = Form.useWatch('assignMode', form);
  const chosen = Form.useWatch('staffIds', form) ?? [];
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.name]));

  const submit = (v: Values) => {
    const input: CallListInput = {
      name: v.name, shopIds: v.shopIds, from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'), statuses: v.statuses,
      script: v.script ?? '', assignMode: v.assignMode,
      staff: v.staffIds.map((id) => ({ staffId: id, weight: v.assignMode === 'weight' ? (v.weights?.[id] ?? 1) : 1 })),
    };
    create.mutate(input, {
      onSuccess: (list) => {
        message.success(t('calls.form.created', { count: list.counts.total }));
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('calls.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'call-list-submit' } as ButtonProps}
      width={680}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          statuses: ['shipped', 'completed'], assignMode: 'round_robin', script: t('calls.form.scriptDefault'),
          range: [dayjs().subtract(30, 'day'), dayjs()],
        }}
      >
        <Form.Item name="name" label={t('calls.form.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input data-testid="call-list-name" />
        </Form.Item>
        <Form.Item name="shopIds" label={t('calls.form.shops')} rules={[{ required: true }]}>
          <Select mode="multiple" loading={shops.isPending} options={(shops.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="call-list-shops" />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="range" label={t('calls.form.range')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="statuses" label={t('calls.form.statuses')} rules={[{ required: true }]}>
            <Checkbox.Group options={STATUSES.map((s) => ({ value: s, label: t(`commerce.status.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="script" label={t('calls.form.script')} extra={t('calls.form.scriptHelp')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="assignMode" label={t('calls.form.assignMode')}>
          <Radio.Group options={[{ value: 'round_robin', label: t('calls.form.roundRobin') }, { value: 'weight', label: t('calls.form.weight') }]} />
        </Form.Item>
        <Form.Item name="staffIds" label={t('calls.form.staff')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={staff.isPending}
            optionFilterProp="label"
            options={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.departmentName ? `${s.name}（${s.departmentName}）` : s.name }))}
            data-testid="call-list-staff"
          />
        </Form.Item>
        {mode === 'weight' && chosen.length > 0 && (
          <Space wrap>
            {chosen.map((id) => (
              <Form.Item key={id} name={['weights', id]} label={`${names.get(id) ?? id} · ${t('calls.form.weightOf')}`} initialValue={1}>
                <InputNumber min={1} max={100} />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form>
    </Modal>
  );
}
