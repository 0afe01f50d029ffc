import { SaveOutlined } from '@ant-design/icons';
import type { ProductDetail, ProductUpdate } from '@siyu/contracts';
import { App, AutoComplete, Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull } from '../../lib/format.ts';
import { useUpdateProduct } from './products.api.ts';

type Values = { name: string; productLine?: string; category?: string; tags: string[] };

export type KnownValues = { lines: string[]; categories: string[] };

const toOptions = (values: string[]) => values.map((v) => ({ value: v }));
const matches = (input: string, option?: { value?: unknown }) => String(option?.value ?? '').includes(input.trim());

/** The catalogue fields a brand owns: name, 产品线, 类目 and product tags (operator_lead and up). */
export function ProductEditForm({ product: p, known }: { product: ProductDetail; known: KnownValues }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProduct(p.id);

  useEffect(() => {
    form.setFieldsValue({ name: p.name, productLine: p.productLine ?? '', category: p.category ?? '', tags: p.tags });
  }, [p, form]);

  const onFinish = (v: Values) => {
    const patch: ProductUpdate = {
      name: v.name.trim(),
      productLine: blankToNull(v.productLine),
      category: blankToNull(v.category),
      tags: [...new Set(v.tags.map((tag) => tag.trim()).filter(Boolean))],
    };
    update.mutate(patch, { onSuccess: () => message.success(t('common.saved')) });
  };

  return (
    <Form<Values> form={form} name="product-edit" layout="vertical" onFinish={onFinish} autoComplete="off" data-testid="product-edit-form">
      <Form.Item name="name" label={t('products.field.name')} rules={[{ required: true, whitespace: true, message: t('products.nameRequired') }]}>
        <Input maxLength={120} data-testid="product-edit-name" />
      </Form.Item>
      <Form.Item name="productLine" label={t('products.field.productLine')} extra={t('products.field.productLineHelp')}>
        <AutoComplete options={toOptions(known.lines)} maxLength={30} allowClear showSearch={{ filterOption: matches }} data-testid="product-edit-line" />
      </Form.Item>
      <Form.Item name="category" label={t('products.field.category')}>
        <AutoComplete options={toOptions(known.categories)} maxLength={30} allowClear showSearch={{ filterOption: matches }} data-testid="product-edit-category" />
      </Form.Item>
      <Form.Item
        name="tags"
        label={t('products.field.tags')}
        rules={[
          {
            validator: (_, v: string[] | undefined) =>
              !v || (v.length <= 20 && v.every((tag) => tag.trim().length <= 20)) ? Promise.resolve() : Promise.reject(new Error(t('products.tagsMax'))),
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('products.field.tagsPlaceholder')} open={false} suffixIcon={null} data-testid="product-edit-tags" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="product-edit-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
