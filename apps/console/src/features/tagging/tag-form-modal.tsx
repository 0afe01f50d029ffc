import type { Tag as TagT } from '@siyu/contracts';
import { Form, Input, Modal, Select, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_COLORS } from './tag-colors.ts';

type Values = { name: string; color: string };
const NO_COLOR = '';

type Props = {
  open: boolean;
  /** The tag being edited; absent when creating. */
  tag?: TagT | null;
  confirmLoading?: boolean;
  onSubmit: (v: { name: string; color: string | null }) => void;
  onCancel: () => void;
};

export function TagFormModal({ open, tag, confirmLoading, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ name: tag?.name ?? '', color: tag?.color ?? NO_COLOR });
  }, [open, tag, form]);

  // Keep a custom (e.g. WeCom hex) color selectable when editing such a tag.
  const colors = tag?.color && !(TAG_COLORS as readonly string[]).includes(tag.color) ? [...TAG_COLORS, tag.color] : TAG_COLORS;
  const options = [
    { value: NO_COLOR, label: <Tag>{t('tags.noColor')}</Tag> },
    ...colors.map((c) => ({ value: c, label: <Tag color={c}>{c}</Tag> })),
  ];

  return (
    <Modal
      open={open}
      title={tag ? t('tags.editTag') : t('tags.newTag')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={confirmLoading}
      forceRender
    >
      <Form<Values> form={form} name="tag" layout="vertical" onFinish={(v) => onSubmit({ name: v.name.trim(), color: v.color || null })}>
        <Form.Item name="name" label={t('tags.tagName')} rules={[{ required: true, whitespace: true, message: t('tags.tagNameRequired') }]}>
          <Input maxLength={30} autoFocus />
        </Form.Item>
        <Form.Item name="color" label={t('tags.color')}>
          <Select options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
