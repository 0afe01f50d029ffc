// Who a live code may hand the next customer to, as pure logic (no database, no WeCom): WeCom picks
// among the users a contact way carries, so Siyu enforces rotation, daily caps, working hours and
// backups by choosing that user list. Recomputed every minute and right after each add.
import type { LiveCodeMode, LiveCodeStatus, LiveCodeStrategy, ScheduleSlot } from './live-codes.tables.ts';

export type RotationStaff = {
  staffId: string; userid: string | null; active: boolean; weight: number; dailyCap: number | null; schedule: ScheduleSlot[];
};
export type RotationInput = {
  status: LiveCodeStatus; strategy: LiveCodeStrategy; staff: RotationStaff[];
  backups: Array<{ staffId: string; userid: string | null; active: boolean }>;
  addsToday: ReadonlyMap<string, number>; now: Date;
};
export type Rotation = { userids: string[]; mode: LiveCodeMode };

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has had no daylight saving since 1991

/** The Asia/Shanghai wall clock: weekday 1 (Mon) … 7 (Sun), minutes since midnight, and the day. */
export function shanghaiClock(now: Date): { weekday: number; minutes: number; day: string } {
  const t = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const dow = t.getUTCDay();
  return { weekday: dow === 0 ? 7 : dow, minutes: t.getUTCHours() * 60 + t.getUTCMinutes(), day: t.toISOString().slice(0, 10) };
}

export const shanghaiDay = (now: Date) => shanghaiClock(now).day;

const minutesOf = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
};

/** True when `hhmm` is a time of day ('24:00' is allowed as the end of a day). */
export const isTimeOfDay = (hhmm: string) => {
  const n = minutesOf(hhmm);
  return Number.isFinite(n) && n >= 0 && n <= 24 * 60 && Number(hhmm.split(':')[1]) < 60;
};

/**
 * On duty at `now`: no slots means always; otherwise inside a slot of today's weekday. A slot whose
 * end is before its start runs past midnight (22:00–02:00), and its tail belongs to the next day.
 */
export function onDuty(schedule: ScheduleSlot[], now: Date): boolean {
  if (schedule.length === 0) return true;
  const { weekday, minutes } = shanghaiClock(now);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return schedule.some((s) => {
    const from = minutesOf(s.from);
    const to = minutesOf(s.to);
    if (from <= to) return s.weekday === weekday && minutes >= from && minutes < to;
    return (s.weekday === weekday && minutes >= from) || (s.weekday === yesterday && minutes < to);
  });
}

export const underCap = (s: Pick<RotationStaff, 'staffId' | 'dailyCap'>, addsToday: ReadonlyMap<string, number>) =>
  s.dailyCap === null || (addsToday.get(s.staffId) ?? 0) < s.dailyCap;

/**
 * The weighted pick: the eligible member furthest behind their share today, i.e. the smallest
 * (adds + 1) / weight; ties go to the earlier one in the list. Over a day this gives each member
 * adds in proportion to their weight, and it needs no state beyond today's counts.
 */
export function nextWeighted(eligible: RotationStaff[], addsToday: ReadonlyMap<string, number>): RotationStaff | undefined {
  let best: RotationStaff | undefined;
  let bestScore = Infinity;
  for (const s of eligible) {
    const score = ((addsToday.get(s.staffId) ?? 0) + 1) / Math.max(1, s.weight);
    if (score < bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The user list the WeCom way should carry. Round-robin: every eligible member (WeCom rotates among
 * them). Weighted: only the next one by weight, so the split follows the weights exactly. Nobody
 * eligible: the backups (who take overflow whatever their hours or counts — that is their job).
 * No backup usable either: members under their cap though off duty (a reply next morning beats a
 * dead code), flagged as overflow. A cap is never broken: WeCom restricts accounts that add too
 * many friends a day. A paused or deleted code, or one with nobody left, carries nobody.
 */
export function selectUsers(input: RotationInput): Rotation {
  if (input.status !== 'active') return { userids: [], mode: 'none' };
  const usable = input.staff.filter((s) => s.active && s.userid);
  const eligible = usable.filter((s) => s.weight > 0 && underCap(s, input.addsToday) && onDuty(s.schedule, input.now));
  if (eligible.length > 0) {
    if (input.strategy === 'weighted') return { userids: [nextWeighted(eligible, input.addsToday)!.userid!], mode: 'primary' };
    return { userids: eligible.map((s) => s.userid!), mode: 'primary' };
  }
  const backups = input.backups.filter((b) => b.active && b.userid).map((b) => b.userid!);
  if (backups.length > 0) return { userids: [...new Set(backups)], mode: 'backup' };
  const offDuty = usable.filter((s) => s.weight > 0 && underCap(s, input.addsToday));
  if (offDuty.length > 0) return { userids: offDuty.map((s) => s.userid!), mode: 'overflow' };
  return { userids: [], mode: 'none' };
}

export const sameUsers = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
