import { namedPeriod, parsePeriod, periodFromTo, type Period } from '../../src/core/period.js';
import { localClock } from '../../src/core/local-clock.js';
import { ledgerFileName, periodLabel } from '../../src/messages/staff.js';

const TZ = 'Asia/Shanghai';
/** Wednesday 2026-06-10 09:30 in Shanghai (01:30 UTC). */
const NOW = Date.parse('2026-06-10T09:30:00+08:00');
const at = (local: string) => Date.parse(`${local}+08:00`);

function ok(text: string, now = NOW): Period {
  const r = parsePeriod(text, now, TZ);
  if (!r.ok) throw new Error(`${text}: ${r.code}`);
  return r.period;
}

describe('report periods', () => {
  it('reads 本周 as Monday to Sunday around now, as [from, to) in Shanghai', () => {
    const p = ok('本周');
    expect([p.firstDay, p.lastDay]).toEqual(['2026-06-08', '2026-06-14']);
    expect(p.from).toBe(at('2026-06-08T00:00:00'));
    expect(p.to).toBe(at('2026-06-15T00:00:00'));
    expect(p.word).toBe('thisWeek');
  });

  it('reads a Sunday as the end of its week, not the start of the next', () => {
    expect(ok('本周', at('2026-06-14T23:59:00')).firstDay).toBe('2026-06-08');
    expect(ok('本周', at('2026-06-15T00:00:00')).firstDay).toBe('2026-06-15');
  });

  it('reads 上周, 本月, 上月, 今年, 去年 and 今天', () => {
    expect([ok('上周').firstDay, ok('上周').lastDay]).toEqual(['2026-06-01', '2026-06-07']);
    expect([ok('本月').firstDay, ok('本月').lastDay]).toEqual(['2026-06-01', '2026-06-30']);
    expect(ok('本月').to).toBe(at('2026-07-01T00:00:00'));
    expect([ok('上月').firstDay, ok('上月').lastDay]).toEqual(['2026-05-01', '2026-05-31']);
    expect([ok('今年').firstDay, ok('今年').lastDay]).toEqual(['2026-01-01', '2026-12-31']);
    expect(ok('去年').firstDay).toBe('2025-01-01');
    expect(ok('今天').from).toBe(at('2026-06-10T00:00:00'));
  });

  it('reads 上月 in January as December of the year before', () => {
    const p = ok('上月', at('2026-01-15T10:00:00'));
    expect([p.firstDay, p.lastDay]).toEqual(['2025-12-01', '2025-12-31']);
  });

  it('takes local midnight, not UTC midnight, right after midnight in Shanghai', () => {
    // 2026-06-01 00:30 in Shanghai is still 05-31 in UTC.
    expect(ok('本月', at('2026-06-01T00:30:00')).firstDay).toBe('2026-06-01');
    expect(ok('今天', at('2026-06-01T00:30:00')).firstDay).toBe('2026-06-01');
  });

  it('reads a range of dates with both days included, written several ways', () => {
    for (const t of ['2026-06-01 2026-06-30', '2026-06-01至2026-06-30', '2026/6/1 到 2026/6/30', '2026年6月1日~2026年6月30日', '２０２６-０６-０１ ２０２６-０６-３０']) {
      const p = ok(t);
      expect([p.from, p.to]).toEqual([at('2026-06-01T00:00:00'), at('2026-07-01T00:00:00')]);
    }
  });

  it('reads one day, a month and a year', () => {
    expect(ok('2026-06-03').to - ok('2026-06-03').from).toBe(86_400_000);
    expect([ok('2026-02').firstDay, ok('2026-02').lastDay]).toEqual(['2026-02-01', '2026-02-28']);
    expect(ok('5月').firstDay).toBe('2026-05-01');
    expect([ok('2025').firstDay, ok('2025年').lastDay]).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('refuses dates that do not exist, reversed ranges and other words', () => {
    expect(parsePeriod('2026-02-30 2026-03-01', NOW, TZ)).toEqual({ ok: false, code: 'NO_SUCH_DATE' });
    expect(parsePeriod('2026-13', NOW, TZ)).toEqual({ ok: false, code: 'NO_SUCH_DATE' });
    expect(parsePeriod('2026-06-30 2026-06-01', NOW, TZ)).toEqual({ ok: false, code: 'REVERSED' });
    expect(parsePeriod('2000-01-01 2026-01-01', NOW, TZ)).toEqual({ ok: false, code: 'TOO_LONG' });
    expect(parsePeriod('下下周', NOW, TZ)).toEqual({ ok: false, code: 'NOT_A_PERIOD' });
    expect(parsePeriod('6', NOW, TZ)).toEqual({ ok: false, code: 'NOT_A_PERIOD' });
  });

  it('gives the CLI an open-ended or all-time period', () => {
    const all = periodFromTo(undefined, undefined, TZ);
    expect(all.ok && all.period.unit).toBe('all');
    const from = periodFromTo('2026-06-01', undefined, TZ);
    expect(from.ok && from.period.from).toBe(at('2026-06-01T00:00:00'));
    expect(from.ok && from.period.to).toBeGreaterThan(at('2100-01-01T00:00:00'));
    const both = periodFromTo('2026-06-01', '2026-06-30', TZ);
    expect(both.ok && both.period.to).toBe(at('2026-07-01T00:00:00'));
    expect(periodFromTo('2026-06-31', undefined, TZ)).toEqual({ ok: false, code: 'NO_SUCH_DATE' });
    expect(periodFromTo('2026-06-30', '2026-06-01', TZ)).toEqual({ ok: false, code: 'REVERSED' });
  });

  it('labels periods and names ledger files', () => {
    expect(periodLabel(ok('本周'))).toBe('本周(06-08—06-14)');
    expect(periodLabel(ok('2026-06-01 2026-06-30'))).toBe('2026-06-01 至 2026-06-30');
    expect(ledgerFileName(ok('本月'))).toBe('台账-2026-06.xlsx');
    expect(ledgerFileName(ok('今年'))).toBe('台账-2026.xlsx');
    expect(ledgerFileName(ok('本周'))).toBe('台账-2026-06-08至2026-06-14.xlsx');
    expect(ledgerFileName(ok('2026-06-03'), 'csv')).toBe('台账-2026-06-03.csv');
    expect(ledgerFileName(namedPeriod('lastMonth', NOW, TZ))).toBe('台账-2026-05.xlsx');
  });
});

describe('the local clock', () => {
  it('formats and finds day starts in the zone, whatever the host zone', () => {
    const c = localClock(TZ);
    expect(c.stamp(at('2026-06-10T09:30:00'))).toBe('2026-06-10 09:30');
    expect(c.date(at('2026-06-01T00:30:00'))).toBe('2026-06-01');
    expect(c.dayStart('2026-06-10')).toBe(at('2026-06-10T00:00:00'));
    expect(c.wallDate(at('2026-06-10T09:30:00')).toISOString()).toBe('2026-06-10T09:30:00.000Z');
    expect(c.addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(c.dayStart('2026-02-30')).toBeNaN();
  });

  it('follows a zone across a daylight-saving change', () => {
    const ny = localClock('America/New_York');
    expect(ny.stamp(Date.parse('2026-03-08T06:59:00Z'))).toBe('2026-03-08 01:59');
    expect(ny.stamp(Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08 03:00');
    expect(ny.dayStart('2026-03-09')).toBe(Date.parse('2026-03-09T00:00:00-04:00'));
  });
});
