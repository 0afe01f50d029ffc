import type { liveCodesZhCN } from './zh-CN.live-codes.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const liveCodesEnUS: Strings<typeof liveCodesZhCN> = {
  liveCodes: {
    title: 'Channel live codes',
    create: 'New live code',
    defaultWelcome: 'Default welcome',
    empty: 'No live codes yet: create one to get a WeCom "contact me" QR code and count the friends each channel brings',
    readOnly: 'You see the codes you serve; creating and editing codes needs an operator lead or admin',
    col: { name: 'Code', status: 'Status', staff: 'Staff', today: 'Added today', total: 'Added in all', strategy: 'Assignment', actions: 'Actions' },
    status: { active: 'Active', paused: 'Paused' },
    mode: { primary: 'Assigning', backup: 'Backup staff', overflow: 'Off-hours staff', none: 'Nobody' },
    strategy: { round_robin: 'Round robin', weighted: 'By weight' },
    action: { edit: 'Edit', pause: 'Pause', resume: 'Resume', remove: 'Delete', qr: 'QR code', welcomes: 'Welcome log' },
    confirmPause: 'Pausing invalidates the QR code in WeCom: scans are assigned to nobody. Resuming makes a new QR code (same channel state, history kept). Pause?',
    confirmRemove: 'Deleting invalidates the QR code; past adds stay in the reports. Delete?',
    paused: 'Paused',
    resumed: 'Resumed: download the new QR code',
    removed: 'Deleted',
    saved: 'Saved and synced to WeCom',
    created: 'Live code created',
    syncError: 'WeCom sync failed: {{error}}',
    qr: { title: 'QR code · {{name}}', png: 'Download PNG', svg: 'Download SVG', poster: 'Download poster', noQr: 'The code is paused: no QR code', state: 'Channel state' },
    welcomes: { title: 'Welcome messages sent', sent: 'Sent', failed: 'Failed', pending: 'Sending', usedDefault: 'Default welcome', empty: 'None yet', time: 'Time', customer: 'Customer', staff: 'Staff', result: 'Result' },
    form: {
      createTitle: 'New channel live code', editTitle: 'Edit channel live code',
      name: 'Name', nameHelp: 'The remark of the WeCom "contact me" way, at most 30 characters', nameRequired: 'Enter a name',
      strategy: 'Assignment', staff: 'Staff', staffHelp: 'Leave the daily cap empty for no cap; no weekdays means all day (Beijing time)',
      staffRequired: 'Choose a staff member', addStaff: 'Add staff', weight: 'Weight', cap: 'Daily cap', unlimited: 'No cap',
      days: 'Weekdays', from: 'From', to: 'To',
      backup: 'Backup staff', backupHelp: 'Take customers when every staff member is capped or off duty', backupRequired: 'Choose at least one backup',
      skipVerify: 'Accept friend requests automatically', tags: 'Tag on add',
      welcome: 'Welcome message', useDefault: 'Use the default welcome', welcomeText: 'Text', attachments: 'Attachments (at most 9)', addAttachment: 'Add attachment',
      type: { image: 'Image', link: 'Link', miniprogram: 'Mini program' },
      picUrl: 'Image URL', linkTitle: 'Link title', linkUrl: 'Link URL', linkDesc: 'Description', mpTitle: 'Title', mpAppid: 'appid', mpPage: 'Page path', mpMedia: 'Cover media_id',
      weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
      defaultTitle: 'Default welcome', defaultHelp: 'Sent to new friends of codes without their own welcome (within WeCom\'s 20 s)',
    },
  },
};
