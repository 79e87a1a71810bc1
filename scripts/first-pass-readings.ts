/**
 * Re-reads each fixture batch with the parser as it stood when that batch was first scored
 * (the commits named in docs/parser.md), so the hybrid can be checked against honest rule readings.
 *   npx tsx scripts/first-pass-readings.ts   → tests/parser/first-pass/readings.jsonl
 * Each commit's `src` is unpacked under tmp/first-pass/<commit>/ (git-ignored) and imported from there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = Date.parse('2026-06-10T09:30:00+08:00');

/** Batch → the commit it was first scored against (docs/parser.md, rounds 2–4). */
export const FIRST_PASS_COMMITS: Record<string, string> = {
  'round2-benefits.jsonl': '80e4d69', 'round2-bills-parcels-print.jsonl': '80e4d69', 'round2-chat-stream.jsonl': '80e4d69',
  'round2-dialect-voice.jsonl': '80e4d69', 'round2-disputes.jsonl': '80e4d69', 'round2-home-services.jsonl': '80e4d69',
  'round2-lookalikes.jsonl': '80e4d69', 'round2-shared-facilities.jsonl': '80e4d69', 'round2-urgent-time.jsonl': '80e4d69',
  'round2-village.jsonl': '80e4d69',
  'round2-holdout-estate.jsonl': '6efc50e', 'round2-holdout-village.jsonl': '6efc50e', 'round2-holdout-tricky.jsonl': '6efc50e',
  'round2-holdout-conflicts.jsonl': '6efc50e',
  'round2-final-city.jsonl': 'b91b11e', 'round2-final-lookalike.jsonl': 'b91b11e', 'round2-final-village.jsonl': 'b91b11e',
  'round2-check-city.jsonl': '8faaa92', 'round2-check-village.jsonl': '8faaa92',
  'round3-voices.jsonl': 'e93d256', 'round3-categories.jsonl': 'e93d256', 'round3-check.jsonl': 'e42d250',
  'round4-a.jsonl': '6109e80', 'round4-b.jsonl': '6109e80', 'round4-c.jsonl': '6109e80', 'round4-d.jsonl': '6109e80',
  'round4-check.jsonl': '502594c', 'round4-check2.jsonl': '50f8cc4', 'round4-check3.jsonl': '22aa1c6',
};

interface OldReading { intent: string; category: string | null; confidence: number }
interface OldMatch { entry: { key: string; kind: string } }

async function main(): Promise<void> {
  const out: string[] = [];
  for (const commit of [...new Set(Object.values(FIRST_PASS_COMMITS))]) {
    const dir = path.join(repoRoot, 'tmp', 'first-pass', commit);
    if (!existsSync(path.join(dir, 'src'))) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['archive', commit, 'src'], { cwd: repoRoot, maxBuffer: 1 << 28 });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    }
    const mod = (await import(pathToFileURL(path.join(dir, 'src/core/parse-message.ts')).href)) as {
      parseMessage: (text: string, now: number) => OldReading;
    };
    // The best keyword of each kind, as that version's parser saw them: what the combination may use
    // when the model chooses another intent than the rules did (the address and phone are not masked here).
    const cats = (await import(pathToFileURL(path.join(dir, 'src/core/parser/match-categories.ts')).href)) as {
      matchCategories: (text: string, catalogue: unknown) => OldMatch[];
      compileCatalogue: () => unknown;
    };
    const norm = (await import(pathToFileURL(path.join(dir, 'src/core/parser/normalize-text.ts')).href)) as {
      normalizeText: (text: string) => { canon: string };
    };
    const kinds = (text: string) => {
      const m = cats.matchCategories(norm.normalizeText(text).canon, cats.compileCatalogue());
      const first = (kind: string) => m.find((c) => c.entry.kind === kind)?.entry.key ?? null;
      return { service: first('service'), proxy: first('proxy') };
    };
    for (const [file, c] of Object.entries(FIRST_PASS_COMMITS)) {
      if (c !== commit) continue;
      const lines = readFileSync(path.join(repoRoot, 'tests/parser/fixtures', file), 'utf8').split('\n').filter((l) => l.trim());
      for (const l of lines) {
        const { id, text } = JSON.parse(l) as { id: string; text: string };
        const r = mod.parseMessage(text, NOW);
        out.push(JSON.stringify({ file, commit, id, intent: r.intent, category: r.category, confidence: r.confidence, kinds: kinds(text) }));
      }
    }
  }
  const target = path.join(repoRoot, 'tests/parser/first-pass/readings.jsonl');
  writeFileSync(target, out.join('\n') + '\n');
  console.log(`${out.length} readings → ${path.relative(repoRoot, target)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
