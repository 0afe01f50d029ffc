import { SearchOutlined } from '@ant-design/icons';
import type { Product } from '@siyu/contracts';
import { AutoComplete, Flex, Input } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommerceGate } from './commerce-gate.tsx';
import { productColumns } from './product-columns.tsx';
import { ProductDrawer } from './product-drawer.tsx';
import type { KnownValues } from './product-edit-form.tsx';
import { useProductList } from './products.api.ts';
import { useProductListState } from './use-product-list-state.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';

/**
 * Product lines and categories seen so far, to suggest in the filter and the edit form: the API
 * has no list of them, and a brand has a handful, all visible on the first pages.
 */
function useKnownValues(items: Product[] | undefined): KnownValues {
  const [known, setKnown] = useState<KnownValues>({ lines: [], categories: [] });
  useEffect(() => {
    if (!items?.length) return;
    setKnown((k) => {
      const lines = new Set(k.lines);
      const categories = new Set(k.categories);
      for (const p of items) {
        if (p.productLine) lines.add(p.productLine);
        if (p.category) categories.add(p.category);
      }
      if (lines.size === k.lines.length && categories.size === k.categories.length) return k;
      return { lines: [...lines].sort(), categories: [...categories].sort() };
    });
  }, [items]);
  return known;
}

/** 商品: the catalogue built from orders (imports and API sync); a row opens its SKUs and edit form. */
export function ProductsPage() {
  return (
    <CommerceGate>
      <ProductsView />
    </CommerceGate>
  );
}

function ProductsView() {
  const { t } = useTranslation();
  const state = useProductListState();
  const list = useProductList(state.filters, state.cursor);
  const columns = useMemo(() => productColumns(t), [t]);
  const data = list.data;
  const known = useKnownValues(data?.items);
  const [line, setLine] = useState(state.filters.productLine ?? '');
  useEffect(() => setLine(state.filters.productLine ?? ''), [state.filters.productLine]);

  return (
    <>
      <PageTitle title={t('products.title')} />

      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          key={state.filters.q ?? ''}
          defaultValue={state.filters.q}
          onSearch={state.setQ}
          placeholder={t('products.searchPlaceholder')}
          allowClear
          maxLength={100}
          style={{ width: 280 }}
          data-testid="product-search"
        />
        <AutoComplete
          value={line}
          onChange={(v: string) => {
            setLine(v ?? '');
            if (!v) state.setLine(undefined); // cleared
          }}
          onSelect={(v: string) => state.setLine(v)}
          onBlur={() => line !== (state.filters.productLine ?? '') && state.setLine(line)}
          options={known.lines.map((v) => ({ value: v }))}
          allowClear
          style={{ width: 180 }}
          data-testid="product-line-filter"
        >
          <Input prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />} placeholder={t('products.lineFilter')} onPressEnter={() => state.setLine(line)} />
        </AutoComplete>
      </Flex>

      <PagedTable<Product>
        testIds={{ table: 'products-table', row: 'product-row', total: 'products-total', pager: 'products-' }}
        rowKey="id"
        columns={columns}
        rows={data?.items}
        emptyText={t('products.empty')}
        scrollX={1100}
        onOpen={(p) => state.open(p.id)}
        total={data ? t('products.total', { count: data.total }) : ''}
        page={state.page}
        nextCursor={data?.nextCursor}
        fetching={list.isFetching}
        busy={list.isFetching || list.isPlaceholderData}
        onPrev={state.prev}
        onNext={state.next}
      />

      <ProductDrawer productId={state.productId} known={known} onClose={state.close} />
    </>
  );
}
