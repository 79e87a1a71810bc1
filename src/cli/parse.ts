/**
 * Reads group messages with the parser, for people and scripts.
 *   npm run --silent parse -- "3号楼2单元501水管漏了"            → one reading as JSON
 *   npm run --silent parse -- --jsonl [--now ISO] < in.jsonl > out.jsonl
 * JSONL input lines carry `text` (and optionally `id`); each output line is `{ id, ...reading }`,
 * or `{ id, error }` for a line that cannot be read (the run goes on).
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../core/parse-message.js';

interface CliArgs {
  jsonl: boolean;
  now: number;
  texts: string[];
}

function usage(): never {
  process.stderr.write('usage: parse "message text" | parse --jsonl [--now 2026-06-10T09:30:00+08:00] < in.jsonl\n');
  process.exit(2);
}

/** Parses argv; `--now` must be an ISO date-time. @example parseArgs(['--jsonl']).jsonl // true */
export function parseArgs(argv: readonly string[], clock: () => number = Date.now): CliArgs {
  const args: CliArgs = { jsonl: false, now: clock(), texts: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--jsonl') args.jsonl = true;
    else if (a === '--now') {
      const v = argv[++i];
      const t = v === undefined ? NaN : Date.parse(v);
      if (Number.isNaN(t)) throw new Error(`--now needs an ISO date-time such as 2026-06-10T09:30:00+08:00, got ${v ?? 'nothing'}`);
      args.now = t;
    } else if (a === '--help' || a === '-h') usage();
    else args.texts.push(a);
  }
  return args;
}

/**
 * Reads one JSONL line into an output line; never throws.
 * @example readLine('{"id":1,"text":"收到"}', now) // '{"id":1,"intent":"chat",…}'
 */
export function readLine(line: string, now: number): string {
  let id: unknown = null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('line is not a JSON object');
    const obj = value as Record<string, unknown>;
    id = obj.id ?? null;
    if (typeof obj.text !== 'string') throw new Error('missing string field "text"');
    return JSON.stringify({ id, ...parseMessage(obj.text, now) });
  } catch (e) {
    return JSON.stringify({ id, error: e instanceof Error ? e.message : String(e) });
  }
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  if (!args.jsonl) {
    if (args.texts.length === 0) usage();
    process.stdout.write(`${JSON.stringify(parseMessage(args.texts.join(' '), args.now))}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  for await (const line of rl) {
    if (line.trim() === '') continue;
    out.push(readLine(line, args.now));
    if (out.length >= 1000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
}

// Run only when executed, so tests can import the helpers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
