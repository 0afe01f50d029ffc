import {
  AimOutlined,
  ApartmentOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  CloudUploadOutlined,
  GiftOutlined,
  HomeOutlined,
  KeyOutlined,
  PhoneOutlined,
  QrcodeOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
  WechatWorkOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { zhCN } from '../../i18n/zh-CN.ts';
import type { Action } from '../tenancy/permissions.ts';

type MenuLabel = `menu.${keyof typeof zhCN.menu}`;
export type MenuGroupKey = 'commerce' | 'acquisition' | 'settings';

export type MenuEntry = {
  path: string;
  label: MenuLabel;
  icon: ReactNode;
  group?: MenuGroupKey;
  /** Shown only to roles allowed this action (the server checks again). */
  action?: Action;
};

// The console's navigation: a new module adds one line here (and its route in app.tsx).
export const MENU: MenuEntry[] = [
  { path: '/', label: 'menu.overview', icon: <HomeOutlined /> },
  { path: '/customers', label: 'menu.customers', icon: <TeamOutlined /> },
  { path: '/groups', label: 'menu.groups', icon: <CommentOutlined /> },
  { path: '/tags', label: 'menu.tags', icon: <TagsOutlined /> },
  { path: '/commerce/orders', action: 'commerce.view', label: 'menu.orders', icon: <ProfileOutlined />, group: 'commerce' },
  { path: '/commerce/products', action: 'commerce.view', label: 'menu.products', icon: <GiftOutlined />, group: 'commerce' },
  { path: '/commerce/shops', action: 'commerce.view', label: 'menu.shops', icon: <ShopOutlined />, group: 'commerce' },
  { path: '/commerce/imports', action: 'order.import', label: 'menu.imports', icon: <CloudUploadOutlined />, group: 'commerce' },
  { path: '/acquisition/live-codes', label: 'menu.liveCodes', icon: <QrcodeOutlined />, group: 'acquisition' },
  { path: '/acquisition/call-lists', action: 'callList.view', label: 'menu.callLists', icon: <PhoneOutlined />, group: 'acquisition' },
  { path: '/acquisition/call-tasks', label: 'menu.callTasks', icon: <CustomerServiceOutlined />, group: 'acquisition' },
  { path: '/org', label: 'menu.org', icon: <ApartmentOutlined /> },
  { path: '/settings/wecom', label: 'menu.wecom', icon: <WechatWorkOutlined />, group: 'settings' },
  { path: '/settings/tokens', label: 'menu.tokens', icon: <KeyOutlined />, group: 'settings' },
];

export const MENU_GROUPS: Record<MenuGroupKey, { label: MenuLabel; icon: ReactNode }> = {
  commerce: { label: 'menu.commerce', icon: <ShoppingOutlined /> },
  acquisition: { label: 'menu.acquisition', icon: <AimOutlined /> },
  settings: { label: 'menu.settings', icon: <SettingOutlined /> },
};

/** The entry a URL belongs to: the longest matching path, so /customers/123 lights up 客户. */
export function activeEntry(pathname: string): MenuEntry | undefined {
  return MENU.filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
