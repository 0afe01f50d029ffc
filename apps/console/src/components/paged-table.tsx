import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Flex, Table, Typography, type TableProps } from 'antd';
import { CursorPager } from './cursor-pager.tsx';

/**
 * A keyset-paged list as every list page shows it: a table whose rows open their item, the total
 * on the left (when the page has one) and previous / next on the right. `testIds` name the table
 * wrapper, each row, the total and the pager's buttons (`<pager>prev-page`) for browser tests.
 */
export function PagedTable<T extends object>(props: {
  testIds: { table: string; row: string; total?: string; pager?: string };
  rowKey: keyof T & Key;
  columns: TableProps<T>['columns'];
  rows: T[] | undefined;
  emptyText?: ReactNode;
  scrollX: number;
  fixedLayout?: boolean;
  onOpen: (row: T) => void;
  /** More data-* attributes per row (tests find a row by them). */
  rowAttrs?: (row: T) => Record<string, string>;
  /** Omitted: the page shows no total. */
  total?: ReactNode;
  page: number;
  nextCursor: string | null | undefined;
  fetching: boolean;
  /** Fetching, or still showing the previous page's rows while the next loads. */
  busy: boolean;
  onPrev: () => void;
  onNext: (cursor: string) => void;
}) {
  const hasTotal = props.total !== undefined;
  return (
    <>
      <div data-testid={props.testIds.table}>
        <Table<T>
          rowKey={props.rowKey as string}
          columns={props.columns}
          dataSource={props.rows ?? []}
          loading={props.fetching}
          pagination={false}
          locale={props.emptyText === undefined ? undefined : { emptyText: props.emptyText }}
          scroll={{ x: props.scrollX }}
          tableLayout={props.fixedLayout ? 'fixed' : undefined}
          onRow={(row) =>
            ({
              'data-testid': props.testIds.row,
              ...props.rowAttrs?.(row),
              onClick: () => props.onOpen(row),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </div>

      <Flex justify={hasTotal ? 'space-between' : 'flex-end'} align="center" style={{ marginTop: 16 }}>
        {hasTotal && (
          <Typography.Text type="secondary" data-testid={props.testIds.total}>
            {props.total}
          </Typography.Text>
        )}
        <CursorPager page={props.page} nextCursor={props.nextCursor} busy={props.busy} onPrev={props.onPrev} onNext={props.onNext} testIdPrefix={props.testIds.pager} />
      </Flex>
    </>
  );
}
