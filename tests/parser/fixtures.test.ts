/**
 * The labelled fixture files (tests/parser/fixtures/*.jsonl, corpus format) and, when present,
 * the shared dev corpus, scored against the issue's targets.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseMessage } from '../../src/core/parse-message.js';
import { scoreLines, type LabelledLine } from '../../scripts/eval.js';

const here = path.resolve('tests/parser/fixtures');
const NOW = Date.parse('2026-06-10T09:30:00+08:00');
const readJsonl = (file: string): LabelledLine[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledLine);

const fixtureFiles = readdirSync(here).filter((f) => f.endsWith('.jsonl'));
const allFixtures = fixtureFiles.flatMap((f) => readJsonl(path.join(here, f)));

describe('fixtures', () => {
  it('holds at least 250 labelled lines with unique ids', () => {
    expect(allFixtures.length).toBeGreaterThanOrEqual(250);
    expect(new Set(allFixtures.map((l) => l.id)).size).toBe(allFixtures.length);
  });

  it('meets the issue targets on all fixture lines together', () => {
    const s = scoreLines(allFixtures);
    expect(s.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.requestPrecision).toBeGreaterThanOrEqual(0.95);
    expect(s.categoryAccuracyOnRequests).toBeGreaterThanOrEqual(0.85);
    expect(s.phoneExact).toBeGreaterThanOrEqual(0.98);
    expect(s.addressExact).toBeGreaterThanOrEqual(0.9);
    expect(s.whenExact).toBeGreaterThanOrEqual(0.85);
    expect(s.urgentF1).toBeGreaterThanOrEqual(0.85);
  });

  it.each(fixtureFiles)('reads %s with intent accuracy of at least 90%%', (file) => {
    expect(scoreLines(readJsonl(path.join(here, file))).intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  const dev = path.resolve('../shared/corpus/dev-messages.jsonl');
  (existsSync(dev) ? it : it.skip)('meets the targets on the shared dev corpus', () => {
    const s = scoreLines(readJsonl(dev));
    expect(s.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.requestPrecision).toBeGreaterThanOrEqual(0.95);
    expect(s.urgentF1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('privacy of the summary', () => {
  it('never contains a stated phone or room number (all fixture lines and the dev corpus)', () => {
    const dev = path.resolve('../shared/corpus/dev-messages.jsonl');
    for (const line of [...allFixtures, ...(existsSync(dev) ? readJsonl(dev) : [])]) {
      const r = parseMessage(line.text, NOW);
      if (line.phone) expect(r.summary).not.toContain(line.phone.slice(3));
      if (line.address?.room) expect(r.summary).not.toContain(line.address.room);
      expect(r.summary.length).toBeLessThanOrEqual(30);
      expect(r.summary).not.toMatch(/[0-9]{3,}/);
    }
  });

  it('never contains the phone, however it is written and wherever it sits', () => {
    const needs = ['水管漏了', '帮我取个快递', '麻烦帮我交下电费', '谁能来帮忙搬个柜子'];
    const format = (d: string, style: number) =>
      [d, `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`, `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, `+86 ${d}`][style]!;
    fc.assert(
      fc.property(
        fc.constantFrom(...needs),
        fc.stringMatching(/^1[3-9][0-9]{9}$/),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (need, digits, style, phoneFirst) => {
          const phone = format(digits, style);
          const text = phoneFirst ? `电话${phone} ${need} 5号楼2单元301` : `${need} 5号楼2单元301 电话${phone}`;
          const r = parseMessage(text, NOW);
          expect(r.phone).toBe(digits);
          expect(r.summary).not.toMatch(/[0-9]{3,}/);
        },
      ),
    );
  });
});
