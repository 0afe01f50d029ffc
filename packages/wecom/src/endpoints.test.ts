import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWecomClient, type WecomClient } from './client.ts';
import { createTokenCache } from './token-cache.ts';
import { startScripted, tokenAnswer, type Script } from './scripted-server.ts';

const EC = '/cgi-bin/externalcontact';

async function setup(script: Script, agentId?: number) {
  const server = await startScripted((req, nth) => (req.path === '/cgi-bin/gettoken' ? tokenAnswer(nth) : script(req, nth)));
  const client = createWecomClient({ corpId: 'wwcorp', secret: 's', baseUrl: server.url, tokenCache: createTokenCache(), agentId, retry: { attempts: 1 } });
  return { server, client };
}

type Row = [name: string, run: (c: WecomClient) => Promise<unknown>, method: 'GET' | 'POST', path: string, sent: Record<string, unknown>];

// Each wrapped method: the HTTP method, the exact path, and the body (POST) or query (GET) it sends.
const ROWS: Row[] = [
  ['listDepartments', (c) => c.listDepartments(2), 'GET', '/cgi-bin/department/list', { id: '2' }],
  ['listUsers', (c) => c.listUsers(1, true), 'GET', '/cgi-bin/user/list', { department_id: '1', fetch_child: '1' }],
  ['getUser', (c) => c.getUser('zhangsan'), 'GET', '/cgi-bin/user/get', { userid: 'zhangsan' }],
  ['getFollowUserList', (c) => c.getFollowUserList(), 'GET', `${EC}/get_follow_user_list`, {}],
  ['listExternalContacts', (c) => c.listExternalContacts('zhangsan'), 'GET', `${EC}/list`, { userid: 'zhangsan' }],
  ['getExternalContact', (c) => c.getExternalContact('wmA', 'CUR'), 'GET', `${EC}/get`, { external_userid: 'wmA', cursor: 'CUR' }],
  ['batchGetByUser', (c) => c.batchGetByUser({ userid_list: ['a'], limit: 100 }), 'POST', `${EC}/batch/get_by_user`, { userid_list: ['a'], limit: 100 }],
  ['remark', (c) => c.remark({ userid: 'a', external_userid: 'wmA', remark: 'VIP' }), 'POST', `${EC}/remark`, { userid: 'a', external_userid: 'wmA', remark: 'VIP' }],
  ['getCorpTagList', (c) => c.getCorpTagList({ group_id: ['etG'] }), 'POST', `${EC}/get_corp_tag_list`, { group_id: ['etG'] }],
  ['addCorpTag', (c) => c.addCorpTag({ group_name: 'RFM', tag: [{ name: 'R1' }] }), 'POST', `${EC}/add_corp_tag`, { group_name: 'RFM', tag: [{ name: 'R1' }], agentid: 1000002 }],
  ['editCorpTag', (c) => c.editCorpTag({ id: 'etT', name: 'R2', agentid: 7 }), 'POST', `${EC}/edit_corp_tag`, { id: 'etT', name: 'R2', agentid: 7 }],
  ['delCorpTag', (c) => c.delCorpTag({ tag_id: ['etT'] }), 'POST', `${EC}/del_corp_tag`, { tag_id: ['etT'], agentid: 1000002 }],
  ['markTag', (c) => c.markTag({ userid: 'a', external_userid: 'wmA', remove_tag: ['etT'] }), 'POST', `${EC}/mark_tag`, { userid: 'a', external_userid: 'wmA', remove_tag: ['etT'] }],
  ['addContactWay', (c) => c.addContactWay({ type: 1, scene: 2, user: ['a'], state: 'ch1' }), 'POST', `${EC}/add_contact_way`, { type: 1, scene: 2, user: ['a'], state: 'ch1' }],
  ['getContactWay', (c) => c.getContactWay('cfg'), 'POST', `${EC}/get_contact_way`, { config_id: 'cfg' }],
  ['listContactWay', (c) => c.listContactWay({ limit: 10 }), 'POST', `${EC}/list_contact_way`, { limit: 10 }],
  ['updateContactWay', (c) => c.updateContactWay({ config_id: 'cfg', remark: 'r' }), 'POST', `${EC}/update_contact_way`, { config_id: 'cfg', remark: 'r' }],
  ['delContactWay', (c) => c.delContactWay('cfg'), 'POST', `${EC}/del_contact_way`, { config_id: 'cfg' }],
  ['closeTempChat', (c) => c.closeTempChat('a', 'wmA'), 'POST', `${EC}/close_temp_chat`, { userid: 'a', external_userid: 'wmA' }],
  ['sendWelcomeMsg', (c) => c.sendWelcomeMsg({ welcome_code: 'W', text: { content: 'hi' } }), 'POST', `${EC}/send_welcome_msg`, { welcome_code: 'W', text: { content: 'hi' } }],
  ['listGroupChats', (c) => c.listGroupChats({ status_filter: 0, limit: 100 }), 'POST', `${EC}/groupchat/list`, { status_filter: 0, limit: 100 }],
  ['getGroupChat', (c) => c.getGroupChat('wrC', true), 'POST', `${EC}/groupchat/get`, { chat_id: 'wrC', need_name: 1 }],
  ['addJoinWay', (c) => c.addJoinWay({ scene: 2, chat_id_list: ['wrC'] }), 'POST', `${EC}/groupchat/add_join_way`, { scene: 2, chat_id_list: ['wrC'] }],
  ['getJoinWay', (c) => c.getJoinWay('cfg'), 'POST', `${EC}/groupchat/get_join_way`, { config_id: 'cfg' }],
  ['updateJoinWay', (c) => c.updateJoinWay({ config_id: 'cfg', scene: 2, chat_id_list: ['wrC'] }), 'POST', `${EC}/groupchat/update_join_way`, { config_id: 'cfg', scene: 2, chat_id_list: ['wrC'] }],
  ['delJoinWay', (c) => c.delJoinWay('cfg'), 'POST', `${EC}/groupchat/del_join_way`, { config_id: 'cfg' }],
  ['addGroupWelcomeTemplate', (c) => c.addGroupWelcomeTemplate({ text: { content: '%NICKNAME%' } }), 'POST', `${EC}/group_welcome_template/add`, { text: { content: '%NICKNAME%' }, agentid: 1000002 }],
  ['editGroupWelcomeTemplate', (c) => c.editGroupWelcomeTemplate({ template_id: 'T', text: { content: 'x' } }), 'POST', `${EC}/group_welcome_template/edit`, { template_id: 'T', text: { content: 'x' }, agentid: 1000002 }],
  ['getGroupWelcomeTemplate', (c) => c.getGroupWelcomeTemplate('T'), 'POST', `${EC}/group_welcome_template/get`, { template_id: 'T' }],
  ['delGroupWelcomeTemplate', (c) => c.delGroupWelcomeTemplate('T'), 'POST', `${EC}/group_welcome_template/del`, { template_id: 'T', agentid: 1000002 }],
  ['addMsgTemplate', (c) => c.addMsgTemplate({ chat_type: 'single', external_userid: ['wmA'], sender: 'a', text: { content: 'hi' } }), 'POST', `${EC}/add_msg_template`, { chat_type: 'single', external_userid: ['wmA'], sender: 'a', text: { content: 'hi' } }],
  ['remindGroupMsgSend', (c) => c.remindGroupMsgSend('msg1'), 'POST', `${EC}/remind_groupmsg_send`, { msgid: 'msg1' }],
  ['cancelGroupMsgSend', (c) => c.cancelGroupMsgSend('msg1'), 'POST', `${EC}/cancel_groupmsg_send`, { msgid: 'msg1' }],
  ['getGroupMsgListV2', (c) => c.getGroupMsgListV2({ chat_type: 'single', start_time: 1, end_time: 2 }), 'POST', `${EC}/get_groupmsg_list_v2`, { chat_type: 'single', start_time: 1, end_time: 2 }],
  ['getGroupMsgTask', (c) => c.getGroupMsgTask({ msgid: 'msg1' }), 'POST', `${EC}/get_groupmsg_task`, { msgid: 'msg1' }],
  ['getGroupMsgSendResult', (c) => c.getGroupMsgSendResult({ msgid: 'msg1', userid: 'a' }), 'POST', `${EC}/get_groupmsg_send_result`, { msgid: 'msg1', userid: 'a' }],
  ['addMomentTask', (c) => c.addMomentTask({ text: { content: 'new' } }), 'POST', `${EC}/add_moment_task`, { text: { content: 'new' } }],
  ['getMomentTaskResult', (c) => c.getMomentTaskResult('job1'), 'GET', `${EC}/get_moment_task_result`, { jobid: 'job1' }],
  ['cancelMomentTask', (c) => c.cancelMomentTask('mom1'), 'POST', `${EC}/cancel_moment_task`, { moment_id: 'mom1' }],
  ['getMomentList', (c) => c.getMomentList({ start_time: 1, end_time: 2 }), 'POST', `${EC}/get_moment_list`, { start_time: 1, end_time: 2 }],
  ['getMomentTask', (c) => c.getMomentTask({ moment_id: 'mom1' }), 'POST', `${EC}/get_moment_task`, { moment_id: 'mom1' }],
  ['transferCustomer', (c) => c.transferCustomer({ handover_userid: 'a', takeover_userid: 'b', external_userid: ['wmA'] }), 'POST', `${EC}/transfer_customer`, { handover_userid: 'a', takeover_userid: 'b', external_userid: ['wmA'] }],
  ['transferResult', (c) => c.transferResult({ handover_userid: 'a', takeover_userid: 'b' }), 'POST', `${EC}/transfer_result`, { handover_userid: 'a', takeover_userid: 'b' }],
  ['getUnassignedList', (c) => c.getUnassignedList({ page_size: 100 }), 'POST', `${EC}/get_unassigned_list`, { page_size: 100 }],
  ['resignedTransferCustomer', (c) => c.resignedTransferCustomer({ handover_userid: 'a', takeover_userid: 'b', external_userid: ['wmA'] }), 'POST', `${EC}/resigned/transfer_customer`, { handover_userid: 'a', takeover_userid: 'b', external_userid: ['wmA'] }],
  ['resignedTransferResult', (c) => c.resignedTransferResult({ handover_userid: 'a', takeover_userid: 'b' }), 'POST', `${EC}/resigned/transfer_result`, { handover_userid: 'a', takeover_userid: 'b' }],
  ['groupChatTransfer', (c) => c.groupChatTransfer({ chat_id_list: ['wrC'], new_owner: 'b' }), 'POST', `${EC}/groupchat/transfer`, { chat_id_list: ['wrC'], new_owner: 'b' }],
  ['groupChatOnjobTransfer', (c) => c.groupChatOnjobTransfer({ chat_id_list: ['wrC'], new_owner: 'b' }), 'POST', `${EC}/groupchat/onjob_transfer`, { chat_id_list: ['wrC'], new_owner: 'b' }],
  ['createAcquisitionLink', (c) => c.createAcquisitionLink({ link_name: 'L', range: { user_list: ['a'] } }), 'POST', `${EC}/customer_acquisition/create_link`, { link_name: 'L', range: { user_list: ['a'] } }],
  ['listAcquisitionLinks', (c) => c.listAcquisitionLinks({ limit: 10 }), 'POST', `${EC}/customer_acquisition/list_link`, { limit: 10 }],
  ['getAcquisitionLink', (c) => c.getAcquisitionLink('L1'), 'POST', `${EC}/customer_acquisition/get`, { link_id: 'L1' }],
  ['updateAcquisitionLink', (c) => c.updateAcquisitionLink({ link_id: 'L1', link_name: 'L2' }), 'POST', `${EC}/customer_acquisition/update_link`, { link_id: 'L1', link_name: 'L2' }],
  ['deleteAcquisitionLink', (c) => c.deleteAcquisitionLink('L1'), 'POST', `${EC}/customer_acquisition/delete_link`, { link_id: 'L1' }],
  ['acquisitionCustomers', (c) => c.acquisitionCustomers({ link_id: 'L1', limit: 1000 }), 'POST', `${EC}/customer_acquisition/customer`, { link_id: 'L1', limit: 1000 }],
  ['acquisitionQuota', (c) => c.acquisitionQuota(), 'GET', '/cgi-bin/externalcontact/customer_acquisition_quota', {}],
];

test('every wrapped endpoint uses its documented method, path and fields', async () => {
  const { server, client } = await setup(() => ({ errcode: 0, errmsg: 'ok' }), 1000002);
  try {
    await client.getAccessToken();
    for (const [name, run, method, path, sent] of ROWS) {
      const before = server.seen.length;
      await run(client);
      const req = server.seen[before];
      assert.equal(req.path, path, name);
      assert.equal(req.method, method, name);
      assert.equal(req.query.get('access_token'), 'TOKEN-1', name);
      if (method === 'POST') assert.deepEqual(req.json, sent, name);
      else {
        const query = Object.fromEntries([...req.query].filter(([k]) => k !== 'access_token'));
        assert.deepEqual(query, sent, name);
      }
    }
    assert.equal(server.count('/cgi-bin/gettoken'), 1);
  } finally {
    await server.close();
  }
});

test('iterateContactsByUser: 100 userids per call, follows cursors, and resumes from a checkpoint', async () => {
  const userids = Array.from({ length: 150 }, (_, i) => `u${i}`);
  const { server, client } = await setup((req) => {
    const { userid_list, cursor } = req.json as { userid_list: string[]; cursor?: string };
    const first = userid_list[0];
    const pages: Record<string, { items: string[]; next: string }> = {
      'u0:': { items: ['wm1', 'wm2'], next: 'C0-2' },
      'u0:C0-2': { items: ['wm3'], next: '' },
      'u100:': { items: ['wm4'], next: 'C1-2' },
      'u100:C1-2': { items: ['wm5'], next: '' },
    };
    const page = pages[`${first}:${cursor ?? ''}`];
    if (!page) return { errcode: 40058, errmsg: `unexpected ${first}:${cursor}` };
    return {
      errcode: 0, errmsg: 'ok', next_cursor: page.next,
      external_contact_list: page.items.map((id) => ({ external_contact: { external_userid: id, name: id, type: 1 }, follow_info: { userid: first, createtime: 1, tag_id: [] } })),
    };
  });
  try {
    const pages = [];
    for await (const p of client.iterateContactsByUser(userids, 50)) pages.push(p);
    assert.deepEqual(
      pages.map((p) => [p.chunk, p.cursor, p.items.map((i) => i.external_contact.external_userid), p.next]),
      [
        [0, '', ['wm1', 'wm2'], { chunk: 0, cursor: 'C0-2' }],
        [0, 'C0-2', ['wm3'], { chunk: 1, cursor: '' }],
        [1, '', ['wm4'], { chunk: 1, cursor: 'C1-2' }],
        [1, 'C1-2', ['wm5'], null],
      ],
    );
    const sent = server.requests(`${EC}/batch/get_by_user`).map((r) => r.json as { userid_list: string[]; limit: number; cursor?: string });
    assert.deepEqual(sent.map((b) => [b.userid_list.length, b.cursor, b.limit]), [[100, undefined, 50], [100, 'C0-2', 50], [50, undefined, 50], [50, 'C1-2', 50]]);
    assert.deepEqual(pages[2].userids, userids.slice(100));

    // Resume where a crashed walk saved its checkpoint after the first page.
    const resumed = [];
    for await (const p of client.iterateContactsByUser(userids, 50, pages[0].next!)) resumed.push(p.items.map((i) => i.external_contact.external_userid));
    assert.deepEqual(resumed, [['wm3'], ['wm4'], ['wm5']]);
  } finally {
    await server.close();
  }
});

test('iterateContactsByUser stops on a cursor that does not move', async () => {
  const { server, client } = await setup(() => ({ errcode: 0, errmsg: 'ok', external_contact_list: [], next_cursor: 'SAME' }));
  try {
    await assert.rejects(async () => {
      for await (const _ of client.iterateContactsByUser(['a'])) void _;
    }, /same cursor/);
    assert.equal(server.count(`${EC}/batch/get_by_user`), 2);
  } finally {
    await server.close();
  }
});

test('media uploads are multipart with the file in the "media" field', async () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
  const { server, client } = await setup(async (req) => {
    const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    const file = form.get('media') as File;
    const got = new Uint8Array(await file.arrayBuffer());
    if (req.path === '/cgi-bin/media/uploadimg') return { errcode: 0, errmsg: 'ok', url: `https://wework.qpic.cn/${file.name}/${got.length}` };
    return { errcode: 0, errmsg: 'ok', type: req.query.get('type') ?? req.query.get('media_type'), media_id: `M-${file.name}-${[...got].join('.')}`, created_at: '1380000000' };
  });
  try {
    const up = await client.uploadMedia('image', 'a.png', bytes);
    assert.equal(up.media_id, 'M-a.png-137.80.78.71.0.1.2.255');
    const [req] = server.requests('/cgi-bin/media/upload');
    assert.match(String(req.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.equal(req.query.get('type'), 'image');
    assert.equal(req.query.get('access_token'), 'TOKEN-1');
    assert.match(req.body.toString('latin1'), /name="media"; filename="a.png"/);

    const att = await client.uploadAttachment('image', 1, 'm.jpg', bytes.subarray(0, 4));
    assert.equal(att.media_id, 'M-m.jpg-137.80.78.71');
    const [areq] = server.requests('/cgi-bin/media/upload_attachment');
    assert.equal(areq.query.get('media_type'), 'image');
    assert.equal(areq.query.get('attachment_type'), '1');

    const img = await client.uploadImg('p.jpg', bytes);
    assert.equal(img.url, 'https://wework.qpic.cn/p.jpg/8');
  } finally {
    await server.close();
  }
});
