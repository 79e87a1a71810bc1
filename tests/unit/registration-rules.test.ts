import { completeWith, fromReport, maskName, maskTail, missingFields, opensNewRegistration, reportDays, unreported, type Registration } from '../../src/core/tenant-registration-rules.js';
import { parseTenantReport } from '../../src/core/parse-tenant-report.js';
import { calendarOf, nextDailyAt, nextMonthlyAt } from '../../src/core/calendar-of.js';
import { addDays, clockMinutes } from '../../src/core/local-time.js';

const NOW = Date.parse('2026-06-10T19:00:00+08:00');
const landlord = { id: 'll-wang', name: '王房东' };
const reg = (text: string) => fromReport(parseTenantReport(text, NOW), { id: 1, landlord, now: NOW, today: '2026-06-10', roomId: null, fallbackAddress: null });

describe('registration rules', () => {
  it('lists what a report lacks', () => {
    expect(missingFields(reg('今天入住2人 张某 住3晚 9号楼2单元301'))).toEqual([{ field: 'names', count: 1 }, { field: 'idTails', count: 2 }]);
    expect(missingFields(reg('今天入住 张某'))).toEqual([{ field: 'address' }, { field: 'idTails', count: 1 }, { field: 'nights' }]);
    expect(missingFields(reg('今天有客人'))).toEqual([{ field: 'address' }, { field: 'guests' }, { field: 'names', count: 0 }, { field: 'idTails', count: 0 }, { field: 'nights' }]);
    expect(missingFields(reg('今日无入住'))).toEqual([]);
  });

  it('counts guests from names or tails when no number is given', () => {
    expect(reg('今天入住 张某 李某 尾号1234 5678').guests).toBe(2);
  });

  it('uses the landlord\'s address when the report names none', () => {
    const r = fromReport(parseTenantReport('今日无入住', NOW), { id: 1, landlord, now: NOW, today: '2026-06-10', roomId: null, fallbackAddress: { building: '9', unit: '2', room: '301' } });
    expect(r.address).toEqual({ building: '9', unit: '2', room: '301' });
    expect(r.checkIn).toBe('2026-06-10');
  });

  it('fills what is missing from an answer, never beyond the guest count', () => {
    const r = reg('今天入住2人 张某 住3晚 9号楼2单元301');
    const done = completeWith(r, parseTenantReport('李某 王某 尾号1234 5678 9999', NOW), NOW + 1)!;
    expect(done).toMatchObject({ names: ['张某', '李某'], idTails: ['1234', '5678'], updatedAt: NOW + 1 });
    expect(missingFields(done)).toEqual([]);
    expect(completeWith(done, parseTenantReport('谢谢', NOW), NOW)).toBeNull();
  });

  it('tells a new report from an answer', () => {
    expect(opensNewRegistration(parseTenantReport('住3晚', NOW))).toBe(false);
    expect(opensNewRegistration(parseTenantReport('尾号 1234', NOW))).toBe(false);
    expect(opensNewRegistration(parseTenantReport('今天入住2人', NOW))).toBe(true);
    expect(opensNewRegistration(parseTenantReport('今日无入住', NOW))).toBe(true);
    expect(opensNewRegistration(parseTenantReport('又来了一个客人 赵某', NOW))).toBe(true);
  });

  it('counts a late report for the night it speaks of', () => {
    const late = { reportDate: '2026-06-11', checkIn: '2026-06-10', none: false } as Registration;
    expect(reportDays(late)).toEqual(['2026-06-11', '2026-06-10']);
    expect(reportDays({ ...late, none: true })).toEqual(['2026-06-11']);
  });

  it('lists the landlords who have not reported, in order', () => {
    const ls = [{ id: 'a', name: 'A', address: '' }, { id: 'b', name: 'B', address: '' }, { id: 'c', name: 'C', address: '' }];
    expect(unreported(ls, new Set(['b'])).map((l) => l.id)).toEqual(['a', 'c']);
  });

  it('masks names and tails', () => {
    expect([maskName('张某'), maskName('欧阳娜娜'), maskName('张'), maskTail('1234'), maskTail('123X')]).toEqual(['张*', '欧***', '*', '**34', '**3X']);
  });
});

describe('daily clock', () => {
  it('reads the local day and minute, also with the host in UTC', () => {
    expect(calendarOf(Date.parse('2026-06-10T20:00:00+08:00'))).toEqual({ date: '2026-06-10', month: '2026-06', dayOfMonth: 10, minute: 1200 });
    expect(calendarOf(Date.parse('2026-06-30T23:30:00Z'))).toMatchObject({ date: '2026-07-01', month: '2026-07' });
    expect(clockMinutes('08:05')).toBe(485);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the next daily and monthly times', () => {
    expect(nextDailyAt(Date.parse('2026-06-10T19:00:00+08:00'), '20:00')).toBe(Date.parse('2026-06-10T20:00:00+08:00'));
    expect(nextDailyAt(Date.parse('2026-06-10T20:00:00+08:00'), '20:00')).toBe(Date.parse('2026-06-11T20:00:00+08:00'));
    expect(nextMonthlyAt(Date.parse('2026-06-25T09:00:00+08:00'), 25, '09:00')).toBe(Date.parse('2026-07-25T09:00:00+08:00'));
    expect(nextMonthlyAt(Date.parse('2026-12-26T09:00:00+08:00'), 25, '09:00')).toBe(Date.parse('2027-01-25T09:00:00+08:00'));
  });
});
