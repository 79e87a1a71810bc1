/**
 * npm run sim -- --script FILE [--config FILE] [--data DIR] [--json] [--pace]
 * Plays a scripted conversation through Wechaty on wechaty-puppet-mock and prints the transcript.
 * `--script -` reads the script from stdin and plays each line as it arrives (the crash test
 * drives the bot this way); a bad line is reported on stderr and skipped.
 */
import '../adapters/quiet-libraries.js'; // first: before anything imports Wechaty
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { configPath, loadConfig } from '../config/load-config.js';
import { readScript, readStep, Simulator, writeOut, type ScriptStep, type TranscriptLine } from '../adapters/wechaty/simulator.js';
import { NO_PACING } from '../adapters/wechaty/outgoing-queue.js';
import { formatLocal } from '../core/time.js';
import { transcriptLabels } from '../messages/index.js';
import { cliArgs, fail } from './args.js';

async function main(): Promise<void> {
  let args;
  try {
    args = cliArgs({ script: { type: 'string' }, config: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, pace: { type: 'boolean' } });
  } catch (e) {
    fail(`${(e as Error).message}\nusage: npm run sim -- --script FILE [--config FILE] [--data DIR] [--json] [--pace]`, 2);
  }
  const { values } = args;
  if (!values.script) fail('usage: npm run sim -- --script FILE [--config FILE] [--data DIR] [--json] [--pace]', 2);
  const config = loadConfig(configPath(process.argv));
  const streaming = values.script === '-';
  let script: ScriptStep[] = [];
  if (!streaming) {
    let text: string;
    try {
      text = fs.readFileSync(values.script, 'utf8');
    } catch (e) {
      fail(`cannot read script ${values.script}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    script = readScript(text, values.script);
  }
  const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'grid-bot-sim-'));
  const first = script.find((s): s is { at: string } => 'at' in s);
  const sim = await Simulator.create({
    config,
    dataDir,
    script,
    startAt: first ? Date.parse(first.at) : undefined,
    pacing: values.pace ? config.sending : NO_PACING,
    onLine: (l) => writeOut(values.json ? `${JSON.stringify(l)}\n` : human(l)),
  });
  function human(l: TranscriptLine): string {
    const where = l.room ? (config.grids.find((g) => g.roomId === l.room)?.name ?? l.room) : `${transcriptLabels.private}→${sim.nameOf(l.to ?? '')}`;
    const who = l.bot ? `${transcriptLabels.bot} ${sim.nameOf(l.from)}` : sim.nameOf(l.from);
    return `[${formatLocal(Date.parse(l.at), 'MM-DD HH:mm', config.timezone)}] ${where} ${who}: ${l.text.replace(/\n/g, '\n    ')}\n`;
  }
  try {
    if (streaming) {
      let n = 0;
      for await (const raw of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        n++;
        let step: ScriptStep | null;
        try {
          step = readStep(raw, `stdin:${n}`);
        } catch (e) {
          process.stderr.write(`${(e as Error).message} (skipped)\n`);
          continue;
        }
        if (step) await sim.play(step);
      }
    } else {
      await sim.playAll(script);
    }
  } finally {
    await sim.stop();
  }
  if (!values.json) process.stderr.write(`(data kept in ${dataDir})\n`);
  process.exit(0);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
