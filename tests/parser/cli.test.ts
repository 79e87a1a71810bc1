import { parseArgs, readLine } from '../../src/cli/parse.js';

const NOW = Date.parse('2026-06-10T09:30:00+08:00');

describe('parse CLI helpers', () => {
  it('keeps the input id on each reading', () => {
    const out = JSON.parse(readLine('{"id":"g1","text":"明天下午3点来修马桶 9-2-301"}', NOW));
    expect(out).toMatchObject({ id: 'g1', intent: 'service', when: '2026-06-11T15:00' });
  });
  it('turns a bad line into an error line with its id', () => {
    expect(JSON.parse(readLine('not json', NOW))).toMatchObject({ id: null, error: expect.any(String) });
    expect(JSON.parse(readLine('{"id":7}', NOW))).toMatchObject({ id: 7, error: expect.stringContaining('text') });
    expect(JSON.parse(readLine('[1,2]', NOW))).toMatchObject({ id: null, error: expect.any(String) });
  });
  it('reads --jsonl and --now, defaulting now to the given clock', () => {
    expect(parseArgs(['--jsonl', '--now', '2026-06-10T09:30:00+08:00'], () => 0)).toEqual({ jsonl: true, now: NOW, texts: [] });
    expect(parseArgs(['收到'], () => 42)).toEqual({ jsonl: false, now: 42, texts: ['收到'] });
  });
  it('rejects a --now that is not a date-time', () => {
    expect(() => parseArgs(['--now', 'tomorrow'])).toThrow(/ISO/);
  });
});
