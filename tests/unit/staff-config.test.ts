import { demoConfig } from '../helpers/fixtures.js';

describe('staff tools config', () => {
  it('has defaults, so a config without the keys still loads', () => {
    const c = demoConfig((r) => {
      delete r.points;
    });
    expect(c.points.base).toEqual({ youth: 60, employed: 70, retired: 50, volunteer: 50 });
    expect(c.points.cycleStart).toBe('01-01');
    expect(c.points.yearEnd).toEqual({ by: 'score', scores: { excellent: 90, good: 75, fair: 60 }, ranks: { excellent: 0.2, good: 0.5, fair: 0.9 } });
    expect(c.points.members).toEqual([]);
  });

  it('reads the demo community\'s party members and a catalogue entry\'s group', () => {
    const c = demoConfig((r) => {
      (r.catalogue as { key: string; group?: string }[]).find((e) => e.key === 'copy_print')!.group = 'daily_life';
    });
    expect(c.points.members.find((m) => m.id === 'vol-zhou')).toEqual({ id: 'vol-zhou', type: 'retired' });
    expect(c.catalogue.find((e) => e.key === 'copy_print')!.group).toBe('daily_life');
  });

  it('names the bad field: unknown categories and groups, thresholds out of order, a bad cycle start', () => {
    expect(() => demoConfig((r) => void (r.points = { duty: { byCategory: { flying: 3 } } }))).toThrow(/points\.duty\.byCategory\.flying: unknown category "flying"/);
    expect(() => demoConfig((r) => void ((r.catalogue as { group?: string }[])[0]!.group = 'fun'))).toThrow(/catalogue\.0\.group/);
    expect(() => demoConfig((r) => void (r.points = { yearEnd: { scores: { excellent: 60, good: 75 } } }))).toThrow(/points\.yearEnd\.scores: scores must descend/);
    expect(() => demoConfig((r) => void (r.points = { yearEnd: { ranks: { excellent: 0.6 } } }))).toThrow(/points\.yearEnd\.ranks/);
    expect(() => demoConfig((r) => void (r.points = { cycleStart: '13-01' }))).toThrow(/points\.cycleStart: cycleStart is MM-DD/);
    expect(() => demoConfig((r) => void (r.points = { members: [{ id: 'a', type: 'youth' }, { id: 'a', type: 'retired' }] }))).toThrow(/points\.members\.1\.id: duplicate member "a"/);
    expect(() => demoConfig((r) => void (r.points = { members: [{ id: 'a', type: 'student' }] }))).toThrow(/points\.members\.0\.type/);
  });
});
