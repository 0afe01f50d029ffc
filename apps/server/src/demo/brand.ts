// Who the demo brand is: its slug, login, name and WeCom corp. Its own file because both the
// seeder (index.ts) and the demo's WeCom (wecom.ts) need it, and index.ts re-exports wecom.ts.
export const DEMO_SLUG = 'demo';
export const DEMO_ACCOUNT = 'admin@demo';
export const DEMO_PASSWORD = 'siyu-demo-2026';
export const DEMO_NAME = '固元堂滋补旗舰';
export const DEMO_CORP_ID = 'wwdemo0001';
