/**
 * Parser throughput on one core: `npm run bench:parse [-- N] [--fixtures]` prints messages per second.
 * The messages are the dev corpus plus varied built-in lines, parsed round-robin; `--fixtures` adds
 * every labelled fixture line (longer, more varied messages); `--rules-only` turns the learned second
 * opinion off; `--compare` times both, interleaved (three rounds each), to cancel a busy machine's drift.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../src/core/parse-message.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = Date.parse('2026-06-10T09:30:00+08:00');
/** Readings before the clock starts. */
export const WARM_UP = 30_000;

const BUILT_IN = [
  '3号楼2单元501水管漏了 能来人看看吗',
  '收到',
  '早上好[太阳]',
  '明天下午3点谁有空帮我取个快递 电话 138 1234 5678',
  '低保怎么申请',
  '帮我申请下低保 三号楼二单元四零二',
  '楼上天天半夜吵 说了也不听 管不管',
  '@网格员小李\u2005您好 俺家一保卡丢了 帮俺补办一下 张家村三组',
  '大家注意 最近有冒充社区工作人员上门收费的 千万别信',
  '不着急哈 周五下午我在家 谁有空来给紧一紧窗户合页 20号楼3单元',
];

function corpusTexts(): string[] {
  const file = path.resolve(repoRoot, '../shared/corpus/dev-messages.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
}

function fixtureTexts(): string[] {
  const dir = path.resolve(repoRoot, 'tests/parser/fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

export interface BenchResult {
  messages: number;
  /** Messages per second of wall-clock time. */
  wallRate: number;
  /** Messages per second of this process's CPU time: the one-core rate, even on a busy machine. */
  cpuRate: number;
}

/**
 * Parses `n` messages and measures wall-clock and CPU-time rates.
 * @example runBench(20000).cpuRate // ≈ 40000
 */
export function runBench(n: number, options: { fixtures?: boolean; rulesOnly?: boolean } = {}): BenchResult {
  const texts = [...BUILT_IN, ...corpusTexts(), ...(options.fixtures ? fixtureTexts() : [])];
  const parseOptions = options.rulesOnly ? { secondOpinion: false as const } : {};
  // Warm up the JIT and the compiled catalogue before timing: the steady state of a bot that runs for
  // days. With 2,000 readings V8's optimising compiler was still at work in the timed phase, and its
  // background threads count in the process's CPU time (23,000 readings/s against 29,000–31,000).
  for (let i = 0; i < WARM_UP; i++) parseMessage(texts[i % texts.length]!, NOW, parseOptions);
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += parseMessage(texts[i % texts.length]!, NOW, parseOptions).confidence;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink); // keeps the loop from being optimised away
  return { messages: n, wallRate: n / seconds, cpuRate: n / ((cpu.user + cpu.system) / 1e6) };
}

/**
 * Parses `n` messages on one core and returns messages per second (of CPU time, so a busy host
 * does not understate it; the wall-clock rate is printed alongside by the script).
 * @example benchParse(20000) // ≈ 40000
 */
export function benchParse(n: number): number {
  return runBench(n).cpuRate;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^[0-9]+$/.test(a)) ?? 100000);
  const fixtures = args.includes('--fixtures');
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  const what = `${n} messages${fixtures ? ', fixture lines included' : ''}`;
  if (args.includes('--compare')) {
    for (let round = 1; round <= 3; round++) {
      const hybrid = runBench(n, { fixtures });
      const rules = runBench(n, { fixtures, rulesOnly: true });
      console.log(`round ${round}: rules + second opinion ${fmt(hybrid.cpuRate)}, rules only ${fmt(rules.cpuRate)} messages/s per core (CPU time; ${what})`);
    }
  } else {
    const rulesOnly = args.includes('--rules-only');
    const r = runBench(n, { fixtures, rulesOnly });
    console.log(`parseMessage${rulesOnly ? ' (rules only)' : ''}: ${fmt(r.cpuRate)} messages/s per core (CPU time), ${fmt(r.wallRate)} messages/s wall-clock (${what})`);
  }
}
