import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'siyu.lang';

function initialLang(): Lang {
  // Chinese first: English only when someone picked it explicitly.
  return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

const lang = initialLang();
dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: lang,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export function setLang(next: Lang): void {
  localStorage.setItem(STORAGE_KEY, next);
  dayjs.locale(next === 'zh-CN' ? 'zh-cn' : 'en');
  void i18n.changeLanguage(next);
}

/**
 * Label for a value from an open-ended set (customer source, timeline kind…): the translation
 * when there is one, else the raw value, so a new server-side code still shows something.
 */
export function labelOf(prefix: 'customerSource' | 'tagSource' | 'identityKind' | 'role' | 'gender', value: string): string {
  const key = `${prefix}.${value}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : value;
}

export { i18n };
