import type { OrderStatus, Platform, RefundState } from '@siyu/contracts';
import { DatePicker, Flex, Input, InputNumber, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, platformOptions, REFUND_STATES } from './labels.tsx';
import { useProduct } from './products.api.ts';
import { useShops } from './shops.api.ts';
import type { useOrderListState } from './use-order-list-state.ts';

type State = ReturnType<typeof useOrderListState>;

export function OrderFilters({ state }: { state: State }) {
  const { t } = useTranslation();
  const shops = useShops();
  const f = state.filters;
  const shopOptions = (shops.data ?? [])
    .filter((s) => !f.platform || s.platform === f.platform)
    .map((s) => ({ value: s.id, label: `${t(`commerce.platform.${s.platform}`)} · ${s.name}` }));

  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Input.Search
        // Remount when the URL's query changes from outside (back button), so the box follows it.
        key={f.q ?? ''}
        defaultValue={f.q}
        onSearch={state.setQ}
        placeholder={t('orders.searchPlaceholder')}
        allowClear
        maxLength={100}
        style={{ width: 280 }}
        data-testid="order-search"
      />
      <Select
        allowClear
        value={f.platform}
        onChange={(v?: Platform) => state.set('platform', v)}
        placeholder={t('orders.platformFilter')}
        options={platformOptions()}
        style={{ width: 120 }}
        data-testid="order-platform-filter"
      />
      <Select
        allowClear
        value={f.shopId}
        onChange={(v?: string) => state.set('shop', v)}
        placeholder={t('orders.shopFilter')}
        loading={shops.isPending}
        options={shopOptions}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
        data-testid="order-shop-filter"
      />
      <Select
        allowClear
        value={f.status}
        onChange={(v?: OrderStatus) => state.set('status', v)}
        placeholder={t('orders.statusFilter')}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`commerce.status.${s}`) }))}
        style={{ width: 120 }}
        data-testid="order-status-filter"
      />
      <Select
        allowClear
        value={f.refund}
        onChange={(v?: RefundState) => state.set('refund', v)}
        placeholder={t('orders.refundFilter')}
        options={REFUND_STATES.map((s) => ({ value: s, label: t(`commerce.refund.${s}`) }))}
        style={{ width: 120 }}
        data-testid="order-refund-filter"
      />
      <DatePicker.RangePicker
        value={[state.raw.from ? dayjs(state.raw.from) : null, state.raw.to ? dayjs(state.raw.to) : null]}
        onChange={(v) => state.setDates(v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD'))}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
        data-testid="order-date-filter"
      />
      <AmountRange min={state.raw.min} max={state.raw.max} onChange={(k, v) => state.set(k, v)} />
      {f.productId && <ProductFilterTag id={f.productId} onClose={() => state.set('product', undefined)} />}
    </Flex>
  );
}

/** 最低 / 最高实付 in yuan; applied on Enter or when the box loses focus, not on every keystroke. */
function AmountRange({ min, max, onChange }: { min?: string; max?: string; onChange: (k: 'min' | 'max', v: string | undefined) => void }) {
  const { t } = useTranslation();
  const [lo, setLo] = useState<number | null>(min ? Number(min) : null);
  const [hi, setHi] = useState<number | null>(max ? Number(max) : null);
  useEffect(() => setLo(min ? Number(min) : null), [min]);
  useEffect(() => setHi(max ? Number(max) : null), [max]);
  const commit = (k: 'min' | 'max', v: number | null, current?: string) => {
    const next = v === null ? undefined : String(v);
    if (next !== current) onChange(k, next);
  };
  const common = { min: 0, precision: 2, style: { width: 140 } } as const;
  return (
    <Space.Compact>
      <InputNumber<number>
        {...common}
        value={lo}
        onChange={setLo}
        onBlur={() => commit('min', lo, min)}
        onPressEnter={() => commit('min', lo, min)}
        placeholder={t('orders.minYuan')}
        prefix="¥"
        data-testid="order-min-yuan"
      />
      <InputNumber<number>
        {...common}
        value={hi}
        onChange={setHi}
        onBlur={() => commit('max', hi, max)}
        onPressEnter={() => commit('max', hi, max)}
        placeholder={t('orders.maxYuan')}
        prefix="¥"
        data-testid="order-max-yuan"
      />
    </Space.Compact>
  );
}

/** Arriving from a product ("查看订单"): say which, and let it be removed. */
function ProductFilterTag({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const product = useProduct(id);
  return (
    <Tag closable onClose={onClose} color="blue" style={{ alignSelf: 'center', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {product.data ? t('orders.productFilter', { name: product.data.name }) : t('orders.productFilterAny')}
    </Tag>
  );
}
