// commerce: shops, order imports (back-office exports) and platform API sync, orders with items,
// the product and SKU catalogue, and order bindings to WeCom friends.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261123_commerce.ts';
import * as m2 from './migrations/20261124_import_heartbeat.ts';
import * as m3 from './migrations/20261204_shop_buyers.ts';
import * as m4 from './migrations/20261204_orders_changed.ts';

export { commerceRoutes, type CommercePorts } from './commerce.routes.ts';
export { UPLOAD_LIMITS } from './upload-limits.ts';
export { pruneImportRejects } from './imports-retention.ts';
export { annotateProducts } from './orders.service.ts';
export { syncShop, syncDueShops, runSyncShopJob, SYNC_SHOP_TASK } from './order-sync.ts';
export { CONNECTOR_CREDENTIALS } from '@siyu/platform-connectors';
export { runImportJob, sweepStalledImports, SWEEP_IMPORTS_TASK, createImport, getImport, writeRejectsXlsx, importDir, IMPORT_TASK } from './imports.service.ts';
export { runImport, type ImportFile, type Progress as ImportProgress } from './import-runner.ts';
export { orderForBinding, attachBuyerOrders, recordBinding, moveOrders, restoreOrders, countCustomerOrders, h5Token, readH5Token, checkH5Token, type OrderForBinding } from './bindings.service.ts';
export { ordersForAttribution, customerOrdersForAttribution, type OrderFact } from './orders-feed.ts';
export { shopCounts, countedShopCounts, BUYERS_ADDED, BUYERS_REMOVED } from './shop-buyers.ts';
export { writeOrders, emptyStats, addStats, type WriteContext, type WriteRecord, type WriteStats } from './order-writer.ts';
export { configureShopSync, shopIdByName, shopForSync, saveSyncProgress, shopsDueForSync, shopForImport, PLATFORM_NAMES, type ShopForSync } from './shops.service.ts';
export type { OrderRecord, ItemRecord, LooseItem, RejectedRow, Platform, OrderStatus, RefundState } from '@siyu/order-exports';
export { PLATFORMS } from '@siyu/order-exports';
export { callBuyers, shopNamesOf, type CallBuyer, type CallBuyerFilter } from './call-buyers.ts';
export type { CommerceTables } from './commerce.tables.ts';

export const commerceMigrations: Record<string, Migration> = { '20261123_050_commerce': m1, '20261124_050_commerce_import_heartbeat': m2, '20261204_150_commerce_shop_buyers': m3, '20261204_151_commerce_orders_changed': m4 };
