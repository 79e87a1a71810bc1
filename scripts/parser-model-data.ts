/**
 * The labelled lines the parser's second opinion learns from, and how to train it on a subset.
 * Shared by `npm run train` (all files) and `npm run eval -- --cv` (all files but one).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../src/core/parse-message.js';
import { normalizeText } from '../src/core/parser/normalize-text.js';
import { trainClassifier, type ClassifierData, type ClassifierInput } from '../src/core/parser/text-classifier.js';
import type { LabelledLine } from './eval.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = path.join(repoRoot, 'tests/parser/fixtures');
export const DEV_FILE = path.resolve(repoRoot, '../shared/corpus/dev-messages.jsonl');
const CORPUS_NOW = Date.parse('2026-06-10T09:30:00+08:00');

/** The five intents, in the order the intent model's classes are kept. */
export const INTENTS = ['service', 'proxy', 'question', 'dispute', 'chat'] as const;

/**
 * The objects of a JSON-lines file (blank lines skipped).
 * @example readJsonl<LabelledLine>(DEV_FILE).length // 79
 */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/**
 * Every fixture file, then the dev file when it is there, each with its lines (file names sorted).
 * @example labelledFiles().map((f) => f.file) // ['chat.jsonl', …, 'dev-messages.jsonl']
 */
export function labelledFiles(): { file: string; lines: LabelledLine[] }[] {
  const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.jsonl')).sort()
    .map((f) => ({ file: f, lines: readJsonl<LabelledLine>(path.join(FIXTURE_DIR, f)) }));
  if (existsSync(DEV_FILE)) files.push({ file: 'dev-messages.jsonl', lines: readJsonl<LabelledLine>(DEV_FILE) });
  return files;
}

/**
 * What the model reads of a message: the parser's canon and whether an address or phone was found.
 * @example classifierInput('3号楼水管漏了') // { canon: '3号楼水管漏了', hasAddress: true, hasPhone: false }
 */
export function classifierInput(text: string): ClassifierInput {
  const r = parseMessage(text, CORPUS_NOW, { secondOpinion: false });
  return { canon: normalizeText(text).canon, hasAddress: r.address !== null, hasPhone: r.phone !== null };
}

export interface TrainedModels { intent: ClassifierData; category: ClassifierData }

const isRequest = (i: string) => i === 'service' || i === 'proxy';

/**
 * Trains the intent model on every line and the category model on the request lines.
 * @example trainModels(labelledFiles().flatMap((f) => f.lines)).intent.classes // ['service', …]
 */
export function trainModels(lines: readonly LabelledLine[], inputs?: ReadonlyMap<string, ClassifierInput>): TrainedModels {
  const input = (l: LabelledLine) => inputs?.get(l.text) ?? classifierInput(l.text);
  const intent = trainClassifier(lines.map((l) => ({ input: input(l), label: l.intent })), { classes: INTENTS });
  const requests = lines.filter((l) => isRequest(l.intent) && l.category !== null);
  const categories = [...new Set(requests.map((l) => l.category!))].sort();
  const category = trainClassifier(requests.map((l) => ({ input: input(l), label: l.category! })), { classes: categories });
  return { intent, category };
}
