import 'i18next';
import type { zhCN } from './zh-CN.ts';

// Typed keys: t('customers.titel') is a compile error instead of a silent raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
