// Contract, directory reads (department/list, user/list, user/get): what Siyu syncs staff from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WecomApiError } from '@siyu/wecom';
import { CORP, rejectsWith, startContract } from './sdk-contract-support.ts';

test('org: departments with their subtree, members with and without children, one member', async (t) => {
  const { sim, client } = await startContract(t);
  await sim.control.addDepartments(CORP, [
    { id: 2, name: '华东大区', parentid: 1, order: 10 },
    { id: 3, name: '上海门店', parentid: 2 },
    { id: 4, name: '华南大区', parentid: 1 },
  ]);
  await sim.control.addMember(CORP, { userid: 'wangwu', name: '王五', department: [3], position: '店长', mobile: '13800000001', gender: 1 });
  await sim.control.addMember(CORP, { userid: 'zhaoliu', name: '赵六', department: [2] });

  const all = await client.listDepartments();
  assert.deepEqual(all.department.map((d) => [d.id, d.parentid]), [[1, 0], [2, 1], [3, 2], [4, 1]]);
  const east = all.department.find((d) => d.id === 2);
  assert.equal(east?.name, '华东大区');
  assert.equal(east?.order, 10);
  assert.deepEqual((await client.listDepartments(2)).department.map((d) => d.id), [2, 3], 'the department and its descendants');

  assert.deepEqual((await client.listUsers(2)).userlist.map((u) => u.userid), ['zhaoliu']);
  assert.deepEqual((await client.listUsers(2, true)).userlist.map((u) => u.userid).sort(), ['wangwu', 'zhaoliu']);
  assert.deepEqual((await client.listUsers(1, true)).userlist.map((u) => u.userid).sort(), ['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);

  const u = await client.getUser('wangwu');
  assert.equal(u.userid, 'wangwu');
  assert.equal(u.name, '王五');
  assert.deepEqual(u.department, [3]);
  assert.equal(u.position, '店长');
  assert.equal(u.mobile, '13800000001');
  assert.equal(u.gender, '1', 'WeCom sends gender as a string');
  assert.equal(u.status, 1);
  assert.equal(u.main_department, 3);
});

test('org errors: unknown or resigned userid is 60111 userid_not_found; an unknown department is refused', async (t) => {
  const { sim, client } = await startContract(t);
  await rejectsWith(client.getUser('ghost'), 60111, 'userid_not_found');
  await sim.control.resignMember(CORP, 'lisi');
  await rejectsWith(client.getUser('lisi'), 60111, 'userid_not_found', 'resigned members leave the directory');
  assert.deepEqual((await client.listUsers(1)).userlist.map((u) => u.userid), ['zhangsan']);
  // The simulator answers 60123 (README); the SDK has no kind for it but must still throw it typed.
  await assert.rejects(client.listUsers(99), (err: unknown) => err instanceof WecomApiError && err.errcode === 60123);
  await assert.rejects(client.listDepartments(99), (err: unknown) => err instanceof WecomApiError && err.errcode === 60123);
});
