/**
 * Scores the parser on the labelled corpus and the external robustness sets.
 *   npm run eval [-- --corpus DIR] [--json] [--set FILE.jsonl ...] [--errors] [--table] [--cv]
 * `--set` scores extra labelled files (e.g. tests/parser/fixtures/*.jsonl) the same way;
 * `--table` prints one markdown row per file (the first-pass table in docs/parser.md);
 * `--cv` cross-validates the learned second opinion (scripts/cross-validate.ts) and prints its tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage, type ParseOptions } from '../src/core/parse-message.js';
import type { Address } from '../src/core/model.js';
import type { Reading } from '../src/core/reading.js';
import { crossValidate, cvReport } from './cross-validate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Every corpus message was posted at this moment. */
const CORPUS_NOW = Date.parse('2026-06-10T09:30:00+08:00');

export interface LabelledLine {
  id: string;
  text: string;
  intent: Reading['intent'];
  category: string | null;
  address: Address | null;
  phone: string | null;
  when: string | null;
  urgent: boolean;
  now?: string;
}

export interface Scores {
  n: number;
  intentAccuracy: number;
  requestPrecision: number;
  requestRecall: number;
  categoryAccuracyOnRequests: number;
  phoneExact: number;
  addressExact: number;
  whenExact: number;
  /** The same three fields, on lines whose gold value is not null. */
  phoneExactStated: number;
  addressExactStated: number;
  whenExactStated: number;
  urgentF1: number;
}

const isRequest = (i: string) => i === 'service' || i === 'proxy';
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function sameAddress(a: Address | null, b: Address | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Address>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** One line's mismatches, by field name. @example mismatches(gold, parseMessage(gold.text, now)) // ['when'] */
export function mismatches(gold: LabelledLine, got: Reading): string[] {
  const out: string[] = [];
  if (gold.intent !== got.intent) out.push('intent');
  if (isRequest(gold.intent) && gold.category !== got.category) out.push('category');
  if (gold.phone !== got.phone) out.push('phone');
  if (!sameAddress(gold.address, got.address)) out.push('address');
  if (gold.when !== got.when) out.push('when');
  if (gold.urgent !== got.urgent) out.push('urgent');
  return out;
}

/**
 * Scores readings against gold lines.
 * @example scoreLines(lines).intentAccuracy // 0.93
 */
export function scoreLines(lines: readonly LabelledLine[]): Scores & { errors: { gold: LabelledLine; got: Reading; fields: string[] }[] } {
  let intentOk = 0, predReq = 0, predReqOk = 0, goldReq = 0, goldReqFound = 0, catOk = 0;
  let phoneOk = 0, addrOk = 0, whenOk = 0, tp = 0, fp = 0, fn = 0;
  let phoneN = 0, phoneNOk = 0, addrN = 0, addrNOk = 0, whenN = 0, whenNOk = 0;
  const errors: { gold: LabelledLine; got: Reading; fields: string[] }[] = [];
  for (const g of lines) {
    const r = parseMessage(g.text, g.now ? Date.parse(g.now) : CORPUS_NOW);
    if (r.intent === g.intent) intentOk++;
    if (isRequest(r.intent)) { predReq++; if (isRequest(g.intent)) predReqOk++; }
    if (isRequest(g.intent)) { goldReq++; if (isRequest(r.intent)) goldReqFound++; if (r.category === g.category) catOk++; }
    if (r.phone === g.phone) phoneOk++;
    if (sameAddress(r.address, g.address)) addrOk++;
    if (r.when === g.when) whenOk++;
    if (g.phone !== null) { phoneN++; if (r.phone === g.phone) phoneNOk++; }
    if (g.address !== null) { addrN++; if (sameAddress(r.address, g.address)) addrNOk++; }
    if (g.when !== null) { whenN++; if (r.when === g.when) whenNOk++; }
    if (r.urgent && g.urgent) tp++; else if (r.urgent) fp++; else if (g.urgent) fn++;
    const fields = mismatches(g, r);
    if (fields.length > 0) errors.push({ gold: g, got: r, fields });
  }
  const n = lines.length;
  return {
    n,
    intentAccuracy: ratio(intentOk, n),
    requestPrecision: ratio(predReqOk, predReq),
    requestRecall: ratio(goldReqFound, goldReq),
    categoryAccuracyOnRequests: ratio(catOk, goldReq),
    phoneExact: ratio(phoneOk, n),
    addressExact: ratio(addrOk, n),
    whenExact: ratio(whenOk, n),
    phoneExactStated: ratio(phoneNOk, phoneN),
    addressExactStated: ratio(addrNOk, addrN),
    whenExactStated: ratio(whenNOk, whenN),
    urgentF1: tp === 0 && fp === 0 && fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
    errors,
  };
}

export interface ExternalScores {
  smpNotRequest: number;
  teddyNotChat: number;
  promediconvDispute: number;
  counts: { smp: number; teddy: number; promediconv: number };
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/**
 * Shares on the external sets (README targets: SMP ≥ 98% not a request, Teddy Cup ≥ 85% not chat).
 * @example scoreExternal('../shared/corpus')?.smpNotRequest // 1
 */
export function scoreExternal(dir: string, options: ParseOptions = {}): ExternalScores | null {
  const f = (name: string) => path.join(dir, 'external', name);
  const names = ['smp2017_ecdt_intents.jsonl', 'teddycup2020_citizen_messages.jsonl', 'promediconv_dispute_cases.jsonl'];
  if (!names.every((n) => existsSync(f(n)))) return null;
  const [smp, teddy, pmc] = names.map((n) => readJsonl<{ text: string }>(f(n)));
  const read = (rows: { text: string }[]) => rows.map((r) => parseMessage(r.text, CORPUS_NOW, options));
  return {
    smpNotRequest: ratio(read(smp!).filter((r) => !isRequest(r.intent)).length, smp!.length),
    teddyNotChat: ratio(read(teddy!).filter((r) => r.intent !== 'chat').length, teddy!.length),
    promediconvDispute: ratio(read(pmc!).filter((r) => r.intent === 'dispute').length, pmc!.length),
    counts: { smp: smp!.length, teddy: teddy!.length, promediconv: pmc!.length },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(title: string, s: Scores): string {
  const rows: [string, string, string][] = [
    ['intent accuracy', pct(s.intentAccuracy), '≥ 90%'],
    ['request precision (service|proxy)', pct(s.requestPrecision), '≥ 95%'],
    ['request recall', pct(s.requestRecall), ''],
    ['category accuracy on requests', pct(s.categoryAccuracyOnRequests), '≥ 85%'],
    ['phone exact (all lines)', pct(s.phoneExact), '≥ 98%'],
    ['address exact (all lines)', pct(s.addressExact), '≥ 90%'],
    ['when exact (all lines)', pct(s.whenExact), '≥ 85%'],
    ['phone exact (gold stated)', pct(s.phoneExactStated), ''],
    ['address exact (gold stated)', pct(s.addressExactStated), ''],
    ['when exact (gold stated)', pct(s.whenExactStated), ''],
    ['urgent F1', s.urgentF1.toFixed(3), '≥ 0.85'],
  ];
  return [`${title} (n=${s.n})`, ...rows.map(([a, b, c]) => `  ${a.padEnd(36)} ${b.padStart(7)}  ${c}`)].join('\n');
}

function main(argv: string[]): void {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const corpus = path.resolve(arg('--corpus') ?? path.resolve(repoRoot, '../shared/corpus'));
  const sets = argv.flatMap((a, i) => (argv[i - 1] === '--set' ? [a] : []));
  if (argv.includes('--cv')) {
    printCrossValidation(corpus);
    return;
  }
  const dev = scoreLines(readJsonl<LabelledLine>(path.join(corpus, 'dev-messages.jsonl')));
  const setLines = sets.map((f) => ({ file: f, lines: readJsonl<LabelledLine>(f) }));
  const extra = setLines.map(({ file, lines }) => ({ file, scores: scoreLines(lines) }));
  const external = scoreExternal(corpus);
  if (argv.includes('--json')) {
    const strip = ({ errors: _e, ...rest }: ReturnType<typeof scoreLines>) => rest;
    console.log(JSON.stringify({ dev: strip(dev), external, sets: extra.map((e) => ({ file: e.file, ...strip(e.scores) })) }));
    return;
  }
  if (argv.includes('--table')) {
    const pooled = extra.length > 1 ? scoreLines(setLines.flatMap((s) => s.lines)) : undefined;
    console.log(markdownTable([{ file: 'dev-messages.jsonl', scores: dev }, ...extra], pooled));
    if (argv.includes('--errors')) printErrors(extra.map((e) => e.scores));
    return;
  }
  const out = [table('dev-messages.jsonl', dev)];
  for (const e of extra) out.push(table(path.basename(e.file), e.scores));
  if (external) {
    out.push(
      'external sets',
      `  ${'SMP2017 read as not a request'.padEnd(36)} ${pct(external.smpNotRequest).padStart(7)}  ≥ 98% (n=${external.counts.smp})`,
      `  ${'Teddy Cup read as not chat'.padEnd(36)} ${pct(external.teddyNotChat).padStart(7)}  ≥ 85% (n=${external.counts.teddy})`,
      `  ${'ProMediConv read as dispute'.padEnd(36)} ${pct(external.promediconvDispute).padStart(7)}  (n=${external.counts.promediconv})`,
    );
  }
  console.log(out.join('\n'));
  if (argv.includes('--errors')) printErrors([dev, ...extra.map((e) => e.scores)]);
}

function printCrossValidation(corpus: string): void {
  console.log(cvReport(crossValidate()));
  const rules = scoreExternal(corpus, { secondOpinion: false });
  const hybrid = scoreExternal(corpus);
  if (!rules || !hybrid) return;
  console.log(
    ['', '| external set | rules alone | hybrid (built-in model) | target |', '| --- | --- | --- | --- |',
      `| SMP2017 read as not a request (n=${rules.counts.smp}) | ${pct(rules.smpNotRequest)} | ${pct(hybrid.smpNotRequest)} | ≥ 98% |`,
      `| Teddy Cup read as not chat (n=${rules.counts.teddy}) | ${pct(rules.teddyNotChat)} | ${pct(hybrid.teddyNotChat)} | ≥ 85% |`,
      `| ProMediConv read as dispute (n=${rules.counts.promediconv}) | ${pct(rules.promediconvDispute)} | ${pct(hybrid.promediconvDispute)} | — |`,
    ].join('\n'),
  );
}

function printErrors(sets: ReturnType<typeof scoreLines>[]): void {
  for (const set of sets) {
    for (const e of set.errors) {
      const pick = (r: object) => Object.fromEntries(e.fields.map((f) => [f, (r as Record<string, unknown>)[f]]));
      console.log(`${e.gold.id} [${e.fields.join(',')}] ${e.gold.text}\n    gold ${JSON.stringify(pick(e.gold))}\n    got  ${JSON.stringify(pick(e.got))}`);
    }
  }
}

/**
 * One markdown row per scored file, plus a pooled row when there are several.
 * @example markdownTable([{ file: 'a.jsonl', scores: scoreLines(lines) }]) // '| file | n | intent | …'
 */
export function markdownTable(rows: { file: string; scores: Scores }[], pooled?: Scores): string {
  const head = '| batch | n | intent | request precision | category on requests | address | phone | when | urgent F1 |';
  const line = (name: string, s: Scores) =>
    `| ${name} | ${s.n} | ${pct(s.intentAccuracy)} | ${pct(s.requestPrecision)} | ${pct(s.categoryAccuracyOnRequests)} | ` +
    `${pct(s.addressExact)} | ${pct(s.phoneExact)} | ${pct(s.whenExact)} | ${s.urgentF1.toFixed(3)} |`;
  const out = [head, '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows.map((r) => line(path.basename(r.file), r.scores))];
  if (pooled) out.push(line('**all**', pooled));
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
