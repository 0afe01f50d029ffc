import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWeighted, onDuty, selectUsers, shanghaiClock, type RotationInput, type RotationStaff } from './live-codes.rotation.ts';

// 2026-12-07 is a Monday; 02:00 UTC is 10:00 in Shanghai.
const MON_10 = new Date('2026-12-07T02:00:00Z');
const MON_20 = new Date('2026-12-07T12:00:00Z');
const staff = (id: string, o: Partial<RotationStaff> = {}): RotationStaff => ({ staffId: id, userid: `u_${id}`, active: true, weight: 1, dailyCap: null, schedule: [], ...o });
const input = (o: Partial<RotationInput>): RotationInput => ({
  status: 'active', strategy: 'round_robin', staff: [], backups: [], addsToday: new Map(), now: MON_10, ...o,
});

test('shanghaiClock: weekday, minutes and the calendar day in Asia/Shanghai', () => {
  assert.deepEqual(shanghaiClock(MON_10), { weekday: 1, minutes: 600, day: '2026-12-07' });
  // 17:00 UTC on Sunday is already Monday 01:00 in Shanghai.
  assert.deepEqual(shanghaiClock(new Date('2026-12-06T17:00:00Z')), { weekday: 1, minutes: 60, day: '2026-12-07' });
});

test('schedules: empty means always; slots per weekday; a slot over midnight belongs to its start day', () => {
  assert.equal(onDuty([], MON_20), true);
  const office = [{ weekday: 1, from: '09:00', to: '18:00' }];
  assert.equal(onDuty(office, MON_10), true);
  assert.equal(onDuty(office, MON_20), false);
  assert.equal(onDuty([{ weekday: 2, from: '09:00', to: '18:00' }], MON_10), false, 'Tuesday slot, Monday morning');
  const night = [{ weekday: 7, from: '22:00', to: '02:00' }];
  assert.equal(onDuty(night, new Date('2026-12-06T17:30:00Z')), true, 'Monday 01:30 is the tail of Sunday night');
  assert.equal(onDuty(night, new Date('2026-12-06T18:30:00Z')), false, 'Monday 02:30 is past it');
  assert.equal(onDuty([{ weekday: 1, from: '09:00', to: '10:00' }], MON_10), false, 'the end is exclusive');
});

test('round-robin: every eligible member is on the way, WeCom rotates among them', () => {
  const r = selectUsers(input({ staff: [staff('a'), staff('b'), staff('c', { active: false }), staff('d', { userid: null })] }));
  assert.deepEqual(r, { userids: ['u_a', 'u_b'], mode: 'primary' });
});

test('caps: a member at their daily cap leaves the list; others stay', () => {
  const r = selectUsers(input({ staff: [staff('a', { dailyCap: 2 }), staff('b', { dailyCap: 5 })], addsToday: new Map([['a', 2], ['b', 4]]) }));
  assert.deepEqual(r, { userids: ['u_b'], mode: 'primary' });
});

test('weighted: one member at a time, the furthest behind their weight; over a day the split follows the weights', () => {
  const team = [staff('a', { weight: 3 }), staff('b', { weight: 1 })];
  const adds = new Map<string, number>();
  for (let i = 0; i < 40; i++) {
    const r = selectUsers(input({ strategy: 'weighted', staff: team, addsToday: adds }));
    assert.equal(r.userids.length, 1);
    const id = r.userids[0].slice(2);
    adds.set(id, (adds.get(id) ?? 0) + 1);
  }
  assert.deepEqual([adds.get('a'), adds.get('b')], [30, 10]);
  assert.equal(nextWeighted([staff('x', { weight: 0 })], new Map())?.staffId, 'x', 'a zero weight is treated as one by the scorer');
  assert.deepEqual(selectUsers(input({ strategy: 'weighted', staff: [staff('z', { weight: 0 }), staff('y')] })).userids, ['u_y'], 'weight 0 takes no adds');
});

test('weighted with caps: the capped member is skipped even when furthest behind', () => {
  const r = selectUsers(input({ strategy: 'weighted', staff: [staff('a', { weight: 10, dailyCap: 1 }), staff('b')], addsToday: new Map([['a', 1], ['b', 5]]) }));
  assert.deepEqual(r.userids, ['u_b']);
});

test('backup: everyone capped or off → the backups, whatever their own hours', () => {
  const team = [staff('a', { dailyCap: 1 }), staff('b', { schedule: [{ weekday: 1, from: '09:00', to: '18:00' }], dailyCap: 1 })];
  const r = selectUsers(input({ staff: team, backups: [{ staffId: 'k', userid: 'u_k', active: true }], addsToday: new Map([['a', 1]]), now: MON_20 }));
  assert.deepEqual(r, { userids: ['u_k'], mode: 'backup' });
  const inactive = selectUsers(input({ staff: team, backups: [{ staffId: 'k', userid: 'u_k', active: false }], addsToday: new Map([['a', 1]]), now: MON_20 }));
  assert.deepEqual(inactive, { userids: ['u_b'], mode: 'overflow' }, 'no usable backup: off-duty members under cap, never a capped one');
  const all = selectUsers(input({ staff: team, addsToday: new Map([['a', 1], ['b', 1]]), now: MON_20 }));
  assert.deepEqual(all, { userids: [], mode: 'none' }, 'nobody under cap and no backup: nobody');
});

test('a paused or deleted code carries nobody, backups included', () => {
  for (const status of ['paused', 'deleted'] as const) {
    assert.deepEqual(selectUsers(input({ status, staff: [staff('a')], backups: [{ staffId: 'k', userid: 'u_k', active: true }] })), { userids: [], mode: 'none' });
  }
});
