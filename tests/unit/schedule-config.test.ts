import fs from 'node:fs';
import { parseConfig } from '../../src/config/load-config.js';
import { CONFIG_FILE } from '../helpers/fixtures.js';

const raw = () => JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8'));
const errorOf = (r: Record<string, unknown>): string => {
  try {
    parseConfig(JSON.stringify(r), 'c.json');
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

describe('the dispatch and schedule settings', () => {
  it('default every setting when the blocks and the volunteer fields are left out', () => {
    const r = raw();
    delete r.dispatch;
    delete r.schedule;
    r.volunteers = [{ id: 'v', name: '小王', skills: ['parcel'], gridIds: ['g1'] }];
    const c = parseConfig(JSON.stringify(r), 'c.json');
    expect(c.volunteers[0]).toMatchObject({ team: null, capacity: 3, availableDays: [1, 2, 3, 4, 5, 6, 7], availableHours: null });
    expect(c.dispatch).toEqual({
      mentions: 3,
      claimMinutes: { urgent: 15, normal: 120 },
      finishMinutes: { urgent: 240, normal: 2880 },
      byCategory: {},
      escalation: { unclaimed: ['group', 'worker', 'chief', 'staff'], overdue: ['claimer', 'worker'], stepMinutes: null },
    });
    expect(c.schedule).toEqual({
      quietHours: { from: '22:00', to: '07:00' },
      endOfDay: '18:00',
      duty: { roster: [], startDate: '2026-01-05', byGrid: {} },
      morningDigest: { enabled: true, at: '08:00', until: '11:00' },
      eveningSummary: { enabled: true, at: '18:00' },
      weeklySummary: { enabled: true, weekday: 1, at: '09:00' },
      followUp: { asksAfterMinutes: [0, 1440], staleAfterMinutes: 2880 },
    });
  });

  it('turns quiet hours off with null', () => {
    const r = raw();
    r.schedule.quietHours = null;
    expect(parseConfig(JSON.stringify(r), 'c.json').schedule.quietHours).toBeNull();
  });

  it('names the field and the fault', () => {
    const r = raw();
    r.volunteers[0].team = '篮球队';
    r.volunteers[1].capacity = 0;
    r.schedule.quietHours.from = '25:00';
    r.schedule.duty.roster.push('nobody');
    r.schedule.duty.byGrid = { g9: ['staff-liu'] };
    r.dispatch.byCategory = { flying: { claimMinutes: { normal: 30 } } };
    r.schedule.followUp.asksAfterMinutes = [1440, 60];
    r.schedule.morningDigest.until = '07:00';
    const m = errorOf(r);
    expect(m).toContain('c.json');
    expect(m).toContain('volunteers.0.team');
    expect(m).toContain('volunteers.1.capacity');
    expect(m).toContain('schedule.quietHours.from: a clock time is "HH:MM"');
    // Cross-field checks run once the fields themselves are valid.
    r.volunteers[0].team = '雷锋志愿服务队';
    r.volunteers[1].capacity = 2;
    r.schedule.quietHours.from = '22:00';
    const m2 = errorOf(r);
    expect(m2).toContain('schedule.duty.roster.4: unknown person "nobody"');
    expect(m2).toContain('schedule.duty.byGrid.g9: unknown grid "g9"');
    expect(m2).toContain('dispatch.byCategory.flying: unknown category "flying"');
    expect(m2).toContain('schedule.followUp.asksAfterMinutes: times must be in increasing order');
    expect(m2).toContain('schedule.morningDigest.until: must be later than "at" (08:00)');
  });
});
