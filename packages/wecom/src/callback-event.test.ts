import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCallbackXml, parseCallbackEvent, CallbackParseError, type WecomCallbackEvent } from './callback-event.ts';
import { encryptMessage, decryptMessage } from './callback-crypto.ts';

// Official sample of add_external_contact (spec §9, page 92130), verbatim.
const ADD_CONTACT =
  '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID><State><![CDATA[teststate]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>';

// The official group-update sample's layout with the values the spec quotes (indented, bare numbers).
const CHAT_UPDATE = `<xml>
  <ToUserName><![CDATA[toUser]]></ToUserName>
  <FromUserName><![CDATA[sys]]></FromUserName>
  <CreateTime>1403610513</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[change_external_chat]]></Event>
  <ChatId><![CDATA[wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ]]></ChatId>
  <ChangeType><![CDATA[update]]></ChangeType>
  <UpdateDetail><![CDATA[add_member]]></UpdateDetail>
  <JoinScene>1</JoinScene>
  <QuitScene>0</QuitScene>
  <MemChangeCnt>10</MemChangeCnt>
  <MemChangeList>
    <Item>Jack</Item>
    <Item>Rose</Item>
  </MemChangeList>
  <LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer>
  <CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>
</xml>`;

const TAG_CREATE =
  '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event><Id><![CDATA[TAG_ID]]></Id><TagType><![CDATA[tag]]></TagType><ChangeType><![CDATA[create]]></ChangeType></xml>';

test('official add_external_contact sample', () => {
  const e = parseCallbackEvent(ADD_CONTACT);
  assert.equal(e.kind, 'change_external_contact');
  if (e.kind !== 'change_external_contact' || e.ChangeType !== 'add_external_contact') throw new Error('narrowing');
  assert.equal(e.ToUserName, 'toUser');
  assert.equal(e.FromUserName, 'sys');
  assert.equal(e.CreateTime, 1403610513);
  assert.equal(e.MsgType, 'event');
  assert.equal(e.UserID, 'zhangsan');
  assert.equal(e.ExternalUserID, 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA');
  assert.equal(e.State, 'teststate');
  assert.equal(e.WelcomeCode, 'WELCOMECODE');
});

test('group update sample: member list is an array, versions stay text, counts are numbers', () => {
  const e = parseCallbackEvent(CHAT_UPDATE);
  if (e.kind !== 'change_external_chat' || e.ChangeType !== 'update') throw new Error(`got ${e.kind}`);
  assert.equal(e.ChatId, 'wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ');
  assert.equal(e.UpdateDetail, 'add_member');
  assert.equal(e.JoinScene, 1);
  assert.equal(e.QuitScene, 0);
  assert.equal(e.MemChangeCnt, 10);
  assert.deepEqual(e.MemChangeList, ['Jack', 'Rose']);
  assert.equal(e.LastMemVer, '9c3f97c2ada667dfb5f6d03308d963e1');
  assert.equal(e.CurMemVer, '71217227bbd112ecfe3a49c482195cb4');
});

test('tag change sample', () => {
  const e = parseCallbackEvent(TAG_CREATE);
  if (e.kind !== 'change_external_tag') throw new Error(e.kind);
  assert.deepEqual([e.Id, e.TagType, e.ChangeType, e.StrategyId], ['TAG_ID', 'tag', 'create', undefined]);
});

test('no number coercion: numeric-looking ids, hex versions and single items stay as sent', () => {
  const e = parseCallbackEvent(
    buildCallbackXml({ ToUserName: 'ww1', FromUserName: 'sys', CreateTime: '1700000000', MsgType: 'event', Event: 'change_external_chat', ChatId: '0012', ChangeType: 'update', UpdateDetail: 'del_member', QuitScene: 1, MemChangeCnt: 1, MemChangeList: ['00123'], LastMemVer: '9e300', CurMemVer: '1e5' }),
  );
  if (e.kind !== 'change_external_chat' || e.ChangeType !== 'update') throw new Error(e.kind);
  assert.equal(e.ChatId, '0012');
  assert.deepEqual(e.MemChangeList, ['00123']);
  assert.equal(e.LastMemVer, '9e300');
  assert.equal(e.CurMemVer, '1e5');
  assert.equal(e.CreateTime, 1700000000);
  const c = parseCallbackEvent(buildCallbackXml({ Event: 'change_external_contact', ChangeType: 'del_follow_user', UserID: '007', ExternalUserID: '1234567890123456789012' }));
  if (c.kind !== 'change_external_contact') throw new Error(c.kind);
  assert.equal(c.UserID, '007');
  assert.equal(c.ExternalUserID, '1234567890123456789012');
});

const header = { ToUserName: 'ww1436e0e65a779aee', FromUserName: 'sys', CreateTime: 1476422779, MsgType: 'event' };

test('parse(build(x)) round-trips every known event shape', () => {
  const cases: Record<string, string | number | string[]>[] = [
    { ...header, Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'zhangsan', ExternalUserID: 'wmA', State: 'ch-1', WelcomeCode: 'W1' },
    { ...header, Event: 'change_external_contact', ChangeType: 'edit_external_contact', UserID: 'zhangsan', ExternalUserID: 'wmA' },
    { ...header, Event: 'change_external_contact', ChangeType: 'add_half_external_contact', UserID: 'zhangsan', ExternalUserID: 'wmA', State: 's', WelcomeCode: 'W2' },
    { ...header, Event: 'change_external_contact', ChangeType: 'del_external_contact', UserID: 'zhangsan', ExternalUserID: 'wmA', Source: 'DELETE_BY_TRANSFER' },
    { ...header, Event: 'change_external_contact', ChangeType: 'del_follow_user', UserID: 'zhangsan', ExternalUserID: 'wmA' },
    { ...header, Event: 'change_external_contact', ChangeType: 'transfer_fail', UserID: 'zhangsan', ExternalUserID: 'wmA', FailReason: 'customer_refused' },
    { ...header, Event: 'change_external_chat', ChatId: 'wrC', ChangeType: 'create' },
    { ...header, Event: 'change_external_chat', ChatId: 'wrC', ChangeType: 'dismiss' },
    { ...header, Event: 'change_external_chat', ChatId: 'wrC', ChangeType: 'update', UpdateDetail: 'change_name', MemChangeList: [] },
    { ...header, Event: 'change_external_chat', ChatId: 'wrC', ChangeType: 'update', UpdateDetail: 'add_member', JoinScene: 3, MemChangeCnt: 2, MemChangeList: ['wmA', 'lisi'], LastMemVer: 'a1', CurMemVer: 'b2' },
    { ...header, Event: 'change_external_tag', Id: 'etG', TagType: 'tag_group', ChangeType: 'shuffle', StrategyId: '3' },
    { ...header, Event: 'customer_acquisition', ChangeType: 'balance_low' },
    { ...header, Event: 'customer_acquisition', ChangeType: 'customer_start_chat', LinkId: 'L1', UserID: 'zhangsan', ExternalUserID: 'wmA' },
  ];
  for (const fields of cases) {
    const e = parseCallbackEvent(buildCallbackXml(fields)) as WecomCallbackEvent & Record<string, unknown>;
    assert.equal(e.kind, fields.Event, `${fields.Event}/${fields.ChangeType}`);
    const { kind: _k, raw: _r, ...typed } = e;
    assert.deepEqual(typed, fields, `${fields.Event}/${fields.ChangeType}`);
  }
});

test('text with markup, "]]>", CJK and edge whitespace survives the round trip', () => {
  const tricky = '  <b>你好</b> & ]]> done ';
  const e = parseCallbackEvent(buildCallbackXml({ ...header, Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'u', ExternalUserID: 'wm', State: tricky }));
  if (e.kind !== 'change_external_contact' || e.ChangeType !== 'add_external_contact') throw new Error(e.kind);
  assert.equal(e.State, tricky);
});

test('unknown events and change types keep their raw fields', () => {
  const msg = parseCallbackEvent('<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>');
  assert.equal(msg.kind, 'unknown');
  assert.equal(msg.AgentID, '1000002');
  assert.equal(msg.raw.Content, '你好');
  assert.equal(msg.raw.MsgId, '1456453720');
  const future = parseCallbackEvent(buildCallbackXml({ ...header, Event: 'change_external_contact', ChangeType: 'some_new_change', Foo: 'bar' }));
  assert.equal(future.kind, 'unknown');
  if (future.kind !== 'unknown') throw new Error();
  assert.equal(future.Event, 'change_external_contact');
  assert.equal(future.ChangeType, 'some_new_change');
  assert.equal(future.raw.Foo, 'bar');
  assert.throws(() => parseCallbackEvent('<notxml/>'), CallbackParseError);
  assert.throws(() => buildCallbackXml({ 'bad name': 'x' }), /element name/);
});

test('third-party 指令回调 shape (InfoType/TimeStamp/AuthCorpId) is read as the same event', () => {
  const e = parseCallbackEvent(buildCallbackXml({ SuiteId: 'ww4asffe9', AuthCorpId: 'wxf8b4f85', InfoType: 'change_external_contact', TimeStamp: 1403610513, ChangeType: 'del_follow_user', UserID: 'zhangsan', ExternalUserID: 'wmA' }));
  if (e.kind !== 'change_external_contact') throw new Error(e.kind);
  assert.equal(e.ToUserName, 'wxf8b4f85');
  assert.equal(e.CreateTime, 1403610513);
  assert.equal(e.ChangeType, 'del_follow_user');
});

test('end to end with the crypto: build → encrypt → decrypt → parse', () => {
  const cfg = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', encodingAESKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: 'ww1436e0e65a779aee' };
  const xml = buildCallbackXml({ ...header, Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'zhangsan', ExternalUserID: 'wmA', State: '渠道A', WelcomeCode: 'W' });
  const env = encryptMessage(cfg, xml);
  const e = parseCallbackEvent(decryptMessage(cfg, env, env.encrypted));
  if (e.kind !== 'change_external_contact' || e.ChangeType !== 'add_external_contact') throw new Error(e.kind);
  assert.equal(e.State, '渠道A');
});
