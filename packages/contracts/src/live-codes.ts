// Channel live codes (渠道活码): WeCom contact ways Siyu manages — who stands behind each code
// (rotation, daily caps, working hours, backups), auto-accept, auto tags and the welcome message.
import { z } from 'zod';
import { msg } from './messages.ts';

export const LiveCodeStrategy = z.enum(['round_robin', 'weighted']);
export type LiveCodeStrategy = z.infer<typeof LiveCodeStrategy>;
export const LiveCodeStatus = z.enum(['active', 'paused']);
export const LiveCodeMode = z.enum(['primary', 'backup', 'overflow', 'none']);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, msg('时间格式应为 HH:MM', 'Times look like HH:MM'));
export const ScheduleSlot = z.object({ weekday: z.number().int().min(1).max(7), from: hhmm, to: hhmm })
  .refine((s) => s.from !== s.to, msg('开始和结束时间不能相同', 'A slot cannot start and end at the same time'));

export const LiveCodeStaffInput = z.object({
  staffId: z.string().min(1).max(64),
  weight: z.number().int().min(0).max(100).default(1),
  /** null: no cap. */
  dailyCap: z.number().int().min(1, msg('每日上限至少为 1', 'A daily cap is at least 1')).max(5000).nullable().default(null),
  /** Empty: always on duty. */
  schedule: z.array(ScheduleSlot).max(50).default([]),
});

// WeCom's welcome attachments (send_welcome_msg): image by URL, link, mini-program. ≤ 9.
export const WelcomeAttachment = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('image'), image: z.object({ pic_url: z.url(msg('请填写图片链接', 'Enter the image URL')).max(1000) }) }),
  z.object({
    msgtype: z.literal('link'),
    link: z.object({
      title: z.string().trim().min(1, msg('请填写链接标题', 'Enter the link title')).max(128),
      url: z.url(msg('请填写有效的链接', 'Enter a valid URL')).max(2000),
      picurl: z.string().max(1000).optional(), desc: z.string().max(512).optional(),
    }),
  }),
  z.object({
    msgtype: z.literal('miniprogram'),
    miniprogram: z.object({
      title: z.string().trim().min(1, msg('请填写小程序标题', 'Enter the mini-program title')).max(64),
      pic_media_id: z.string().min(1, msg('请填写封面图 media_id', 'Enter the cover media_id')).max(256),
      appid: z.string().min(1, msg('请填写小程序 appid', 'Enter the appid')).max(64),
      page: z.string().min(1, msg('请填写小程序页面路径', 'Enter the page path')).max(256),
    }),
  }),
]);
export type WelcomeAttachment = z.infer<typeof WelcomeAttachment>;

export const WelcomeMessage = z.object({
  text: z.string().max(1300, msg('欢迎语最多 1300 个字', 'A welcome text has at most 1,300 characters')).default(''),
  attachments: z.array(WelcomeAttachment).max(9, msg('附件最多 9 个', 'At most 9 attachments')).default([]),
}).refine((w) => w.text.trim() !== '' || w.attachments.length > 0, msg('欢迎语需要文字或附件', 'A welcome needs text or an attachment'));
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

export const LiveCodeInput = z.object({
  // The name is the WeCom way's remark, which WeCom caps at 30 characters.
  name: z.string().trim().min(1, msg('请填写活码名称', 'Enter a name')).max(30, msg('活码名称最多 30 个字', 'A name has at most 30 characters')),
  strategy: LiveCodeStrategy.default('round_robin'),
  staff: z.array(LiveCodeStaffInput).min(1, msg('请至少选择一名接待员工', 'Choose at least one staff member')).max(100, msg('最多 100 名员工', 'At most 100 staff')),
  backupStaffIds: z.array(z.string().min(1).max(64)).min(1, msg('请至少选择一名备用员工', 'Choose at least one backup')).max(20),
  skipVerify: z.boolean().default(true),
  tagIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  /** null: the tenant's default welcome. */
  welcome: WelcomeMessage.nullable().default(null),
});
export type LiveCodeInput = z.input<typeof LiveCodeInput>;

export const LiveCodeStaff = z.object({
  staffId: z.string(), name: z.string(), weight: z.number(), dailyCap: z.number().nullable(), schedule: z.array(ScheduleSlot), addsToday: z.number(),
});
export const LiveCode = z.object({
  id: z.string(), name: z.string(), state: z.string(), status: LiveCodeStatus, strategy: LiveCodeStrategy, skipVerify: z.boolean(),
  configId: z.string().nullable(), qrCode: z.string().nullable(), mode: LiveCodeMode, wecomUserids: z.array(z.string()), syncError: z.string().nullable(),
  staff: z.array(LiveCodeStaff), backupStaff: z.array(z.object({ staffId: z.string(), name: z.string() })),
  tagIds: z.array(z.string()), welcome: WelcomeMessage.nullable(), addsToday: z.number(), addsTotal: z.number(), createdAt: z.string(),
});
export type LiveCode = z.infer<typeof LiveCode>;

export const WelcomeSend = z.object({
  welcomeCode: z.string(), externalUserId: z.string(), userid: z.string(), status: z.enum(['pending', 'sent', 'failed']),
  errcode: z.number().nullable(), error: z.string().nullable(), usedDefault: z.boolean(), createdAt: z.string(),
});
export type WelcomeSend = z.infer<typeof WelcomeSend>;

export const DefaultWelcome = z.object({ welcome: WelcomeMessage.nullable() });
