import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Simulator, type ScriptStep, type TranscriptLine } from '../../src/adapters/wechaty/simulator.js';
import { demoConfig } from './fixtures.js';
import type { AppConfig } from '../../src/core/config-schema.js';

export const G1 = 'grid1@chatroom';
export const STAFF = 'staff@chatroom';

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gb-e2e-'));
}

/** Runs a script in a fresh simulator and returns it (stopped) with its transcript. */
export async function runScript(script: ScriptStep[], opts: { config?: AppConfig; dataDir?: string; keep?: boolean } = {}) {
  const sim = await Simulator.create({
    config: opts.config ?? demoConfig(),
    dataDir: opts.dataDir ?? tmpDir(),
    script,
    startAt: Date.parse('2026-06-10T09:30:00+08:00'),
  });
  try {
    await sim.playAll(script);
  } finally {
    if (!opts.keep) await sim.stop();
  }
  return sim;
}

export const botLines = (t: TranscriptLine[]) => t.filter((l) => l.bot);
export const botTexts = (t: TranscriptLine[], where?: string) =>
  botLines(t).filter((l) => !where || l.room === where || l.to === where).map((l) => l.text);
