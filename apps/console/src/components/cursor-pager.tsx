import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Previous / next for keyset-paged lists (the cursor stack lives in the URL, see
 * lib/use-url-list-state.ts). `testIdPrefix` names the buttons for browser tests: `<prefix>prev-page`.
 */
export function CursorPager(props: {
  page: number;
  nextCursor: string | null | undefined;
  busy: boolean; // fetching, or showing the previous page's data while the next loads
  onPrev: () => void;
  onNext: (cursor: string) => void;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const p = props.testIdPrefix ?? '';
  return (
    <Space>
      <Typography.Text type="secondary">{t('customers.page', { page: props.page })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={props.page <= 1 || props.busy} onClick={props.onPrev} data-testid={`${p}prev-page`}>
        {t('customers.prevPage')}
      </Button>
      <Button disabled={!props.nextCursor || props.busy} onClick={() => props.nextCursor && props.onNext(props.nextCursor)} data-testid={`${p}next-page`}>
        {t('customers.nextPage')} <RightOutlined />
      </Button>
    </Space>
  );
}
