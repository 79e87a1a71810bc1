/**
 * Duty and leave: `今天谁值班` (明天谁值班, 值班表) answers from the roster in the config;
 * `请假 3天`, `请假到6月12日` and `销假` record a volunteer's leave in the store, so the dispatch
 * calls and the duty roster pass them over while they are away.
 */
import { parseDutyCommand, leaveUntilDate, type DutyCommand } from '../../core/duty-commands.js';
import { onDuty } from '../../core/duty-roster.js';
import { addDays, startOfLocalDay, today } from '../../core/local-time.js';
import { scheduleMessages as S, type DigestFacts } from '../../messages/schedule.js';
import type { BotApp } from '../bot-app.js';
import type { Feature, Turn } from '../turn.js';
import { endLeave, leaveOf, leavesMap, putLeave } from '../schedule-records.js';

export function dutyFeature(app: BotApp): Feature {
  const config = app.config;
  const store = app.store;

  /** People who take duty or work: volunteers, grid workers and chiefs, staff (from config ids only). */
  const isTeamMember = (id: string) =>
    !!app.dir.volunteer(id) || app.dir.isStaff(id) || config.grids.some((g) => g.workerIds.includes(id) || g.chiefId === id);

  function dutyOn(gridId: string | null, date: string): DigestFacts['duty'] {
    const d = onDuty(config, gridId, date, leavesMap(store));
    return d && { name: app.nameOf(d.id), phone: d.phone, standsInFor: d.standsInFor && app.nameOf(d.standsInFor) };
  }

  function who(turn: Turn, day: 'today' | 'tomorrow' | 'week'): void {
    // The roster is published for residents to call: full numbers privately and in the staff room.
    const fullPhone = !turn.msg!.roomId || turn.inStaffRoom;
    const gridId = turn.inStaffRoom ? null : turn.gridId;
    const date = today(turn.now, config.timezone);
    if (!config.schedule.duty.roster.length && !(gridId && config.schedule.duty.byGrid[gridId]?.length)) {
      turn.reply(S.noRoster());
      return;
    }
    if (day === 'week') {
      turn.reply(S.dutyWeek([0, 1, 2, 3, 4, 5, 6].map((n) => ({ date: addDays(date, n), duty: dutyOn(gridId, addDays(date, n)) })), fullPhone));
      return;
    }
    const d = day === 'today' ? date : addDays(date, 1);
    turn.reply(S.onDuty(d, day === 'today' ? '今天' : '明天', dutyOn(gridId, d), fullPhone));
  }

  function leave(turn: Turn, cmd: Extract<DutyCommand, { type: 'leave' | 'leave_until' }>): void {
    const id = turn.who;
    const date = today(turn.now, config.timezone);
    const first = cmd.type === 'leave' ? addDays(date, cmd.fromDay) : date;
    const last = cmd.type === 'leave' ? addDays(date, cmd.lastDay) : leaveUntilDate(cmd.month, cmd.day, date);
    if (!last) {
      turn.reply(S.leaveUnclear());
      return;
    }
    const from = first === date ? turn.now : startOfLocalDay(first, config.timezone);
    const until = startOfLocalDay(addDays(last, 1), config.timezone);
    putLeave(store, id, { from, until, at: turn.now });
    const open = [...app.records.openOrders()].filter((o) => o.claimerId === id).map((o) => o.id);
    turn.reply(S.leaveRecorded(app.nameOf(id), first === date ? null : first, last, open));
  }

  function back(turn: Turn): void {
    const id = turn.who;
    const l = leaveOf(store, id);
    if (l) endLeave(store, id);
    // A leave that has not started yet is withdrawn too.
    turn.reply(l && l.until > turn.now ? S.leaveEnded(app.nameOf(id)) : S.notOnLeave());
  }

  return {
    name: 'duty',
    handle(turn) {
      const cmd = parseDutyCommand(turn.text);
      if (!cmd) return false;
      if (cmd.type === 'who') {
        who(turn, cmd.day);
        return true;
      }
      // Leave is for the people who serve; from anyone else these words are ordinary chat.
      if (!isTeamMember(turn.who)) {
        if (turn.msg!.roomId && !turn.msg!.mentionsBot) return false;
        turn.reply(S.leaveNotForYou());
        return true;
      }
      if (cmd.type === 'back') back(turn);
      else if (cmd.type === 'leave_unclear') turn.reply(S.leaveUnclear());
      else leave(turn, cmd);
      return true;
    },
  };
}
