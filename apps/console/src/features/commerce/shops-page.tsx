import { PlusOutlined } from '@ant-design/icons';
import type { Shop } from '@siyu/contracts';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../tenancy/permissions.ts';
import { MatchRateCard } from './match-rate-chart.tsx';
import { shopColumns } from './shop-columns.tsx';
import { ShopFormModal } from './shop-form-modal.tsx';
import { useShops, useSyncShop } from './shops.api.ts';

/** 店铺: the brand's shops on each platform, their API sync, and how many of their buyers are WeCom friends. */
export function ShopsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('shop.manage');
  const shops = useShops({ poll: true });
  const sync = useSyncShop();
  // undefined = closed, null = 新建店铺, a shop = 编辑.
  const [editing, setEditing] = useState<Shop | null | undefined>(undefined);

  const syncing = sync.isPending ? (sync.variables ?? null) : null;
  const startSync = sync.mutate;
  const columns = useMemo(
    () =>
      shopColumns(t, {
        canManage,
        syncing,
        onEdit: setEditing,
        onSync: (s) => startSync(s.id, { onSuccess: () => message.success(t('shops.syncQueued')) }),
      }),
    [t, canManage, syncing, startSync, message],
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('shops.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="shop-create">
            {t('shops.create')}
          </Button>
        )}
      </Flex>
      {!canManage && <Alert type="info" showIcon title={t('shops.readOnly')} />}

      {can('commerce.view') && <MatchRateCard />}

      <Card styles={{ body: { padding: 0 } }} data-testid="shops-table">
        <Table<Shop>
          rowKey="id"
          columns={columns}
          dataSource={shops.data ?? []}
          loading={shops.isPending}
          pagination={false}
          locale={{ emptyText: t('shops.empty') }}
          scroll={{ x: 1300 }}
          onRow={(s) => ({ 'data-testid': 'shop-row', 'data-shop-id': s.id }) as HTMLAttributes<HTMLElement>}
        />
      </Card>

      {canManage && <ShopFormModal open={editing !== undefined} shop={editing ?? null} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}
