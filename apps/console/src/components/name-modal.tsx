import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';

type Props = {
  open: boolean;
  /** Prefixes field ids: several forms with a "name" field share a page (hidden modals stay mounted). */
  formName: string;
  title: string;
  label: string;
  requiredMessage: string;
  initialName?: string;
  placeholder?: string;
  maxLength?: number;
  confirmLoading?: boolean;
  onSubmit: (name: string) => void;
  onCancel: () => void;
};

/** The one-field form behind every "新建 / 重命名" in the console (tag groups, departments, tokens). */
export function NameModal({ open, formName, title, label, requiredMessage, initialName, placeholder, maxLength = 64, confirmLoading, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<{ name: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ name: initialName ?? '' });
  }, [open, initialName, form]);

  return (
    <Modal open={open} title={title} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={confirmLoading} forceRender>
      <Form form={form} name={formName} layout="vertical" onFinish={(v) => onSubmit(v.name.trim())}>
        <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }]}>
          <Input placeholder={placeholder} maxLength={maxLength} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
