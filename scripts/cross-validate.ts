/**
 * Leave-one-file-out cross-validation of the parser's learned second opinion (`npm run eval -- --cv`).
 * For each labelled file F the model is trained on every other file (and the dev file when F is not it),
 * then F is scored by the rules alone and by the hybrid. The rules are not retrained, so their figure is
 * in-sample; the honest comparison is on the rounds 2–4 batches, re-read by the rules as they stood when
 * each batch was first scored (tests/parser/first-pass/readings.jsonl, scripts/first-pass-readings.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseMessage } from '../src/core/parse-message.js';
import type { Intent } from '../src/core/reading.js';
import { combineOpinions, loadSecondOpinion, modelOpinion, type SecondOpinionModel } from '../src/core/parser/second-opinion.js';
import type { ClassifierInput } from '../src/core/parser/text-classifier.js';
import type { LabelledLine } from './eval.js';
import { classifierInput, labelledFiles, readJsonl, repoRoot, trainModels } from './parser-model-data.js';

const CORPUS_NOW = Date.parse('2026-06-10T09:30:00+08:00');
const FIRST_PASS_FILE = path.join(repoRoot, 'tests/parser/first-pass/readings.jsonl');

/** First-pass figures as recorded in docs/parser.md (intent, request precision, category on requests; %). */
export const RECORDED_FIRST_PASS: Record<string, [number, number, number | null]> = {
  'mixed.jsonl': [88.3, 94.1, 75.7], 'holdout-style.jsonl': [80.0, 94.1, 45.0], 'style-check.jsonl': [76.7, 83.3, 64.7],
  'round-five.jsonl': [90.0, 94.4, 70.6], 'look-alikes.jsonl': [60.0, 0.0, null], 'look-alikes-2.jsonl': [75.0, 54.5, 100.0],
  'final-check.jsonl': [95.0, 100.0, 81.8],
  'round2-benefits.jsonl': [85.0, 88.0, 95.8], 'round2-bills-parcels-print.jsonl': [90.0, 96.2, 88.5],
  'round2-chat-stream.jsonl': [87.5, 33.3, 100.0], 'round2-dialect-voice.jsonl': [87.5, 100.0, 76.9],
  'round2-disputes.jsonl': [45.0, 0.0, 100.0], 'round2-home-services.jsonl': [77.5, 96.8, 71.1],
  'round2-lookalikes.jsonl': [80.0, 61.5, 88.9], 'round2-shared-facilities.jsonl': [70.0, 100.0, 57.1],
  'round2-urgent-time.jsonl': [80.0, 100.0, 72.5], 'round2-village.jsonl': [80.0, 93.3, 75.0],
  'round2-holdout-estate.jsonl': [95.0, 100.0, 90.5], 'round2-holdout-village.jsonl': [70.0, 100.0, 58.3],
  'round2-holdout-tricky.jsonl': [85.0, 90.5, 65.2], 'round2-holdout-conflicts.jsonl': [47.5, 77.8, 54.5],
  'round2-final-city.jsonl': [90.0, 100.0, 90.9], 'round2-final-lookalike.jsonl': [82.5, 83.3, 76.5],
  'round2-final-village.jsonl': [87.5, 100.0, 91.7], 'round2-check-city.jsonl': [85.0, 90.5, 81.0],
  'round2-check-village.jsonl': [87.5, 100.0, 81.8],
  'round3-voices.jsonl': [87.5, 90.0, 95.0], 'round3-categories.jsonl': [87.5, 100.0, 75.8], 'round3-check.jsonl': [85.0, 100.0, 77.3],
  'round4-a.jsonl': [95.0, 100.0, 85.0], 'round4-b.jsonl': [92.5, 95.0, 80.0], 'round4-c.jsonl': [90.0, 94.7, 95.0],
  'round4-d.jsonl': [82.5, 88.9, 80.0], 'round4-check.jsonl': [88.8, 95.1, 90.0], 'round4-check2.jsonl': [87.5, 94.7, 90.0],
  'round4-check3.jsonl': [87.5, 90.0, 90.0],
};

/**
 * The session that wrote a batch (docs/parser.md): rounds 1–2, round 3, round 4; the dev file apart.
 * @example writerOf('round3-check.jsonl') // 'round 3'
 */
export function writerOf(file: string): string {
  if (file === 'dev-messages.jsonl') return 'dev';
  if (file.startsWith('round3-')) return 'round 3';
  if (file.startsWith('round4-')) return 'round 4';
  return 'rounds 1–2';
}

/** Intent and category of one line, for scoring. */
export interface Opinion { intent: Intent; category: string | null }

export interface IntentScores { n: number; intent: number; precision: number; recall: number; category: number }

const isRequest = (i: string) => i === 'service' || i === 'proxy';
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Intent accuracy, request precision and recall, category on requests.
 * @example scoreOpinions(gold, readings).precision // 0.96
 */
export function scoreOpinions(gold: readonly LabelledLine[], got: readonly Opinion[]): IntentScores {
  let ok = 0, pred = 0, predOk = 0, req = 0, found = 0, cat = 0;
  gold.forEach((g, k) => {
    const r = got[k]!;
    if (r.intent === g.intent) ok++;
    if (isRequest(r.intent)) { pred++; if (isRequest(g.intent)) predOk++; }
    if (isRequest(g.intent)) { req++; if (isRequest(r.intent)) found++; if (r.category === g.category) cat++; }
  });
  return { n: gold.length, intent: ratio(ok, gold.length), precision: ratio(predOk, pred), recall: ratio(found, req), category: ratio(cat, req) };
}

interface FirstPassReading { file: string; id: string; intent: Intent; category: string | null; confidence: number; kinds: Record<string, string | null> }

interface FileResult {
  file: string;
  gold: LabelledLine[];
  rules: Opinion[];
  hybrid: Opinion[];
  firstPass?: Opinion[];
  hybridFirstPass?: Opinion[];
  /** The hybrid on first-pass rules with the model trained without any file of the batch's writer. */
  hybridFirstPassByWriter?: Opinion[];
}

function toModel(m: ReturnType<typeof trainModels>): SecondOpinionModel {
  return loadSecondOpinion(m.intent, m.category);
}

/** The combination applied to a first-pass reading (the rules as they stood), with a given model. */
function hybridOnReading(model: SecondOpinionModel, r: FirstPassReading, input: ClassifierInput): Opinion {
  const out = combineOpinions(
    r, input.canon.length,
    () => modelOpinion(model, input),
    (kind) => r.kinds[kind] ?? null,
  );
  return { intent: out.intent, category: out.category };
}

/**
 * Runs the cross-validation over every labelled file.
 * @example crossValidate().files.length // 42
 */
export function crossValidate(): { files: FileResult[] } {
  const files = labelledFiles();
  const inputs = new Map<string, ClassifierInput>();
  for (const f of files) for (const l of f.lines) inputs.set(l.text, classifierInput(l.text));
  const firstPass = new Map<string, FirstPassReading>();
  if (existsSync(FIRST_PASS_FILE)) for (const r of readJsonl<FirstPassReading>(FIRST_PASS_FILE)) firstPass.set(`${r.file}\n${r.id}`, r);
  const byWriter = new Map<string, SecondOpinionModel>();
  for (const w of new Set(files.map((f) => writerOf(f.file)))) {
    if (w === 'dev') continue;
    byWriter.set(w, toModel(trainModels(files.filter((f) => writerOf(f.file) !== w).flatMap((f) => f.lines), inputs)));
  }
  const out: FileResult[] = [];
  for (const f of files) {
    const model = toModel(trainModels(files.filter((g) => g !== f).flatMap((g) => g.lines), inputs));
    const read = (l: LabelledLine, secondOpinion: SecondOpinionModel | false): Opinion => {
      const r = parseMessage(l.text, l.now ? Date.parse(l.now) : CORPUS_NOW, { secondOpinion });
      return { intent: r.intent, category: r.category };
    };
    const result: FileResult = {
      file: f.file,
      gold: f.lines,
      rules: f.lines.map((l) => read(l, false)),
      hybrid: f.lines.map((l) => read(l, model)),
    };
    const fp = f.lines.map((l) => firstPass.get(`${f.file}\n${l.id}`));
    if (fp.every((r) => r !== undefined)) {
      const readings = fp as FirstPassReading[];
      result.firstPass = readings.map((r) => ({ intent: r.intent, category: r.category }));
      result.hybridFirstPass = readings.map((r, k) => hybridOnReading(model, r, inputs.get(f.lines[k]!.text)!));
      const writerModel = byWriter.get(writerOf(f.file))!;
      result.hybridFirstPassByWriter = readings.map((r, k) => hybridOnReading(writerModel, r, inputs.get(f.lines[k]!.text)!));
    }
    out.push(result);
  }
  return { files: out };
}

const pct = (x: number) => (x * 100).toFixed(1);
const cell = (s: IntentScores) => `${pct(s.intent)} / ${pct(s.precision)} / ${pct(s.recall)} / ${pct(s.category)}`;
const recorded = (file: string) => {
  const r = RECORDED_FIRST_PASS[file];
  return r ? `${r[0].toFixed(1)} / ${r[1].toFixed(1)} / — / ${r[2] === null ? '—' : r[2].toFixed(1)}` : '—';
};

function pooled(results: readonly FileResult[], pick: (r: FileResult) => Opinion[] | undefined): IntentScores {
  const with_ = results.filter((r) => pick(r) !== undefined);
  return scoreOpinions(with_.flatMap((r) => r.gold), with_.flatMap((r) => pick(r)!));
}

/**
 * The cross-validation as markdown tables (per file, pooled, and pooled by writer).
 * @example console.log(cvReport(crossValidate()))
 */
export function cvReport({ files }: { files: FileResult[] }): string {
  const out: string[] = [];
  out.push(
    'Leave-one-file-out cross-validation: intent / request precision / request recall / category on requests (%).',
    'rules: the rules alone as they are now (IN-SAMPLE: every file was read while writing them); hybrid CV: the rules now',
    '+ a model trained without the file; first pass: the rules as they stood when the batch was first scored, recorded in',
    'docs/parser.md and re-read (tests/parser/first-pass); hybrid on first pass: those readings + the model trained without',
    'the file (the honest comparison: neither part saw the batch).',
    '',
    '| file | n | rules (in-sample) | hybrid CV | first pass, recorded | first pass, re-read | hybrid on first pass |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of files) {
    out.push(`| ${r.file} | ${r.gold.length} | ${cell(scoreOpinions(r.gold, r.rules))} | ${cell(scoreOpinions(r.gold, r.hybrid))} | ` +
      `${recorded(r.file)} | ${r.firstPass ? cell(scoreOpinions(r.gold, r.firstPass)) : '—'} | ` +
      `${r.hybridFirstPass ? cell(scoreOpinions(r.gold, r.hybridFirstPass)) : '—'} |`);
  }
  const replay = files.filter((r) => r.firstPass);
  out.push(
    `| **all** | ${pooled(files, (r) => r.rules).n} | ${cell(pooled(files, (r) => r.rules))} | ${cell(pooled(files, (r) => r.hybrid))} | — | — | — |`,
    `| **rounds 2–4** | ${pooled(replay, (r) => r.rules).n} | ${cell(pooled(replay, (r) => r.rules))} | ${cell(pooled(replay, (r) => r.hybrid))} | — | ` +
      `${cell(pooled(replay, (r) => r.firstPass))} | ${cell(pooled(replay, (r) => r.hybridFirstPass))} |`,
    '',
    'First pass by writer: the rules as they stood vs the hybrid, with the model trained without the file (leave one',
    'file out) and without any file of the same writer (leave one writer out: closer to a sealed set labelled by someone else).',
    '',
    '| batches | n | first pass, re-read | hybrid, leave one file out | hybrid, leave one writer out |',
    '| --- | --- | --- | --- | --- |',
  );
  const groups: [string, (f: string) => boolean][] = [
    ['round 2', (f) => f.startsWith('round2-')], ['round 3', (f) => f.startsWith('round3-')], ['round 4', (f) => f.startsWith('round4-')],
    ['rounds 2–4', () => true],
  ];
  for (const [name, test] of groups) {
    const g = replay.filter((r) => test(r.file));
    out.push(`| ${name} | ${pooled(g, (r) => r.firstPass).n} | ${cell(pooled(g, (r) => r.firstPass))} | ` +
      `${cell(pooled(g, (r) => r.hybridFirstPass))} | ${cell(pooled(g, (r) => r.hybridFirstPassByWriter))} |`);
  }
  return out.join('\n');
}
