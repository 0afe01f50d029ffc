import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LiveCode, LiveCodeInput, WelcomeAttachment, WelcomeMessage } from '@siyu/contracts';
import { App, Button, type ButtonProps, Checkbox, Divider, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffList } from '../tenancy/org.api.ts';
import { useTagGroups } from '../tagging/tags.api.ts';
import { useLiveCodeMutations } from './live-codes.api.ts';

// The form edits one working-time range per staff member over chosen weekdays: what operators set
// in practice. The server takes any slots per weekday; a code saved elsewhere with differing
// ranges is shown with its first range.
type StaffRow = { staffId?: string; weight: number; dailyCap: number | null; days: number[]; from: string; to: string };
type AttachmentRow = { msgtype: WelcomeAttachment['msgtype']; url?: string; title?: string; desc?: string; appid?: string; page?: string; media?: string };
export type WelcomeValues = { text: string; attachments: AttachmentRow[] };
type Values = WelcomeValues & {
  name: string; strategy: 'round_robin' | 'weighted'; staff: StaffRow[]; backupStaffIds: string[]; skipVerify: boolean; tagIds: string[]; useDefault: boolean;
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function toAttachment(a: AttachmentRow): WelcomeAttachment {
  if (a.msgtype === 'image') return { msgtype: 'image', image: { pic_url: a.url ?? '' } };
  if (a.msgtype === 'link') return { msgtype: 'link', link: { title: a.title ?? '', url: a.url ?? '', ...(a.desc ? { desc: a.desc } : {}) } };
  return { msgtype: 'miniprogram', miniprogram: { title: a.title ?? '', appid: a.appid ?? '', page: a.page ?? '', pic_media_id: a.media ?? '' } };
}

export function fromAttachment(a: WelcomeAttachment): AttachmentRow {
  if (a.msgtype === 'image') return { msgtype: 'image', url: a.image.pic_url };
  if (a.msgtype === 'link') return { msgtype: 'link', title: a.link.title, url: a.link.url, desc: a.link.desc };
  return { msgtype: 'miniprogram', title: a.miniprogram.title, appid: a.miniprogram.appid, page: a.miniprogram.page, media: a.miniprogram.pic_media_id };
}

export const toWelcome = (v: WelcomeValues): WelcomeMessage => ({ text: v.text ?? '', attachments: (v.attachments ?? []).map(toAttachment) });

/** Text and attachments of a welcome message (also used by the default-welcome modal). */
export function WelcomeFields() {
  const { t } = useTranslation();
  const types = (['image', 'link', 'miniprogram'] as const).map((v) => ({ value: v, label: t(`liveCodes.form.type.${v}`) }));
  return (
    <>
      <Form.Item name="text" label={t('liveCodes.form.welcomeText')}>
        <Input.TextArea rows={3} maxLength={1300} showCount data-testid="live-code-welcome-text" />
      </Form.Item>
      <Form.List name="attachments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} wrap align="start">
                <Form.Item name={[f.name, 'msgtype']} style={{ width: 110, marginBottom: 0 }}>
                  <Select options={types} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const type = getFieldValue(['attachments', f.name, 'msgtype']) as AttachmentRow['msgtype'];
                    const item = (name: keyof AttachmentRow, label: string, width = 180) => (
                      <Form.Item name={[f.name, name]} rules={[{ required: name !== 'desc', message: label }]} style={{ width, marginBottom: 0 }}>
                        <Input placeholder={label} />
                      </Form.Item>
                    );
                    if (type === 'image') return item('url', t('liveCodes.form.picUrl'), 380);
                    if (type === 'link') return <>{item('title', t('liveCodes.form.linkTitle'))}{item('url', t('liveCodes.form.linkUrl'))}{item('desc', t('liveCodes.form.linkDesc'))}</>;
                    return <>{item('title', t('liveCodes.form.mpTitle'), 120)}{item('appid', t('liveCodes.form.mpAppid'), 120)}{item('page', t('liveCodes.form.mpPage'), 140)}{item('media', t('liveCodes.form.mpMedia'), 140)}</>;
                  }}
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            {fields.length < 9 && (
              <Button icon={<PlusOutlined />} onClick={() => add({ msgtype: 'link' })} style={{ alignSelf: 'flex-start' }}>
                {t('liveCodes.form.addAttachment')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function initial(code: LiveCode | null): Values {
  return {
    name: code?.name ?? '', strategy: code?.strategy ?? 'round_robin', skipVerify: code?.skipVerify ?? true, tagIds: code?.tagIds ?? [],
    backupStaffIds: code?.backupStaff.map((b) => b.staffId) ?? [],
    staff: code?.staff.map((s) => ({
      staffId: s.staffId, weight: s.weight, dailyCap: s.dailyCap, days: [...new Set(s.schedule.map((x) => x.weekday))],
      from: s.schedule[0]?.from ?? '09:00', to: s.schedule[0]?.to ?? '18:00',
    })) ?? [{ weight: 1, dailyCap: null, days: [], from: '09:00', to: '18:00' }],
    useDefault: !code?.welcome, text: code?.welcome?.text ?? '', attachments: code?.welcome?.attachments.map(fromAttachment) ?? [],
  };
}

/** `code` null = 新建活码. Saving makes or updates the WeCom "contact me" way at once. */
export function LiveCodeFormModal({ open, code, onClose }: { open: boolean; code: LiveCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { save } = useLiveCodeMutations();
  const staff = useStaffList();
  const tagGroups = useTagGroups();
  const useDefault = Form.useWatch('useDefault', form);
  const strategy = Form.useWatch('strategy', form);
  const staffOptions = (staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));
  const tagOptions = (tagGroups.data ?? []).map((g) => ({ label: g.name, options: g.tags.map((x) => ({ value: x.id, label: x.name })) }));
  const weekdays = t('liveCodes.form.weekdays').split(',').map((label, i) => ({ value: i + 1, label }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial(code));
  }, [open, code, form]);

  const onFinish = (v: Values) => {
    const input: LiveCodeInput = {
      name: v.name.trim(), strategy: v.strategy, skipVerify: v.skipVerify, tagIds: v.tagIds ?? [], backupStaffIds: v.backupStaffIds ?? [],
      staff: v.staff.map((s) => ({
        staffId: s.staffId!, weight: s.weight ?? 1, dailyCap: s.dailyCap ?? null,
        schedule: (s.days ?? []).map((weekday) => ({ weekday, from: s.from, to: s.to })),
      })),
      welcome: v.useDefault ? null : toWelcome(v),
    };
    save.mutate({ id: code?.id ?? null, input }, {
      onSuccess: () => {
        message.success(code ? t('liveCodes.saved') : t('liveCodes.created'));
        onClose();
      },
    });
  };

  return (
    <Modal open={open} title={code ? t('liveCodes.form.editTitle') : t('liveCodes.form.createTitle')} onOk={() => form.submit()} onCancel={onClose}
      confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'live-code-submit' } as ButtonProps} width={860} forceRender>
      <Form<Values> form={form} name="live-code-form" layout="vertical" onFinish={onFinish} autoComplete="off" data-testid="live-code-form">
        <Form.Item name="name" label={t('liveCodes.form.name')} extra={t('liveCodes.form.nameHelp')} rules={[{ required: true, whitespace: true, message: t('liveCodes.form.nameRequired') }]}>
          <Input maxLength={30} data-testid="live-code-name" />
        </Form.Item>
        <Form.Item name="strategy" label={t('liveCodes.form.strategy')}>
          <Radio.Group options={(['round_robin', 'weighted'] as const).map((v) => ({ value: v, label: t(`liveCodes.strategy.${v}`) }))} />
        </Form.Item>
        <Form.Item label={t('liveCodes.form.staff')} extra={t('liveCodes.form.staffHelp')} required>
          <Form.List name="staff">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} wrap align="center" data-testid="live-code-staff-row">
                    <Form.Item name={[f.name, 'staffId']} rules={[{ required: true, message: t('liveCodes.form.staffRequired') }]} style={{ width: 140, marginBottom: 0 }}>
                      <Select options={staffOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('liveCodes.form.staff')} data-testid="live-code-staff" />
                    </Form.Item>
                    {strategy === 'weighted' && (
                      <Form.Item name={[f.name, 'weight']} style={{ width: 90, marginBottom: 0 }}>
                        <InputNumber min={0} max={100} prefix={t('liveCodes.form.weight')} />
                      </Form.Item>
                    )}
                    <Form.Item name={[f.name, 'dailyCap']} style={{ width: 190, marginBottom: 0 }}>
                      <InputNumber min={1} max={5000} placeholder={t('liveCodes.form.unlimited')} prefix={t('liveCodes.form.cap')} data-testid="live-code-cap" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'days']} style={{ marginBottom: 0 }}>
                      <Checkbox.Group options={weekdays} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'from']} rules={[{ pattern: HHMM, message: 'HH:MM' }]} style={{ width: 80, marginBottom: 0 }}>
                      <Input placeholder={t('liveCodes.form.from')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'to']} rules={[{ pattern: HHMM, message: 'HH:MM' }]} style={{ width: 80, marginBottom: 0 }}>
                      <Input placeholder={t('liveCodes.form.to')} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1, dailyCap: null, days: [], from: '09:00', to: '18:00' })} style={{ alignSelf: 'flex-start' }}>
                  {t('liveCodes.form.addStaff')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="backupStaffIds" label={t('liveCodes.form.backup')} extra={t('liveCodes.form.backupHelp')} rules={[{ required: true, message: t('liveCodes.form.backupRequired') }]}>
          <Select mode="multiple" options={staffOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="live-code-backup" />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="skipVerify" label={t('liveCodes.form.skipVerify')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="tagIds" label={t('liveCodes.form.tags')} style={{ flex: 1, minWidth: 260 }}>
            <Select mode="multiple" options={tagOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="live-code-tags" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain>{t('liveCodes.form.welcome')}</Divider>
        <Form.Item name="useDefault" valuePropName="checked">
          <Checkbox data-testid="live-code-use-default">{t('liveCodes.form.useDefault')}</Checkbox>
        </Form.Item>
        {!useDefault && <WelcomeFields />}
      </Form>
    </Modal>
  );
}
