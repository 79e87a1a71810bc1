/** `npm start` in a child process on puppet-mock: SIGINT/SIGTERM stop it cleanly with exit 0. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { JournalStore } from '../../src/adapters/store/journal-store.js';
import { listBackups } from '../../src/adapters/store/backups.js';
import { tmpDir } from '../helpers/sim.js';

function startBot(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent', GRID_BOT_LOG: 'info' };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const started = new Promise<void>((res, rej) => {
    child.stderr.on('data', (d) => {
      err += String(d);
      if (err.includes('grid bot started')) res();
    });
    child.on('exit', (code) => rej(new Error(`exited ${code} before starting: ${err}`)));
  });
  started.catch(() => undefined); // awaited only where the bot is expected to start
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, started, exited, output: () => ({ out, err }) };
}

describe('npm start stops cleanly on a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: stops taking messages, flushes, stops the schedules, exits 0', async (signal) => {
    const dataDir = tmpDir();
    const bot = startBot(dataDir);
    await bot.started;
    bot.child.kill(signal);
    const code = await bot.exited;
    const { out, err } = bot.output();
    expect(code).toBe(0);
    expect(err).toContain(`${signal}: no new messages; sending what is queued, then stopping`);
    expect(err).toContain(`stopped; data saved in ${dataDir}`);
    expect(err).not.toMatch(/ERROR|at .*\.ts:\d+/); // no stack traces
    expect(out).toBe('');
    // The data and today's backup are there, readable by the owner only, and open again.
    for (const f of [JournalStore.snapshotPath(dataDir), JournalStore.journalPath(dataDir), ...listBackups(dataDir)]) {
      expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    }
    expect(listBackups(dataDir)).toHaveLength(1);
    expect(fs.statSync(path.join(dataDir, 'backups')).mode & 0o777).toBe(0o700);
    const store = await JournalStore.open(dataDir, { readOnly: true });
    await store.close();
  }, 60_000);

  it('refuses a corrupt data file at start, naming it and the fix, and leaves it as it was', async () => {
    const dataDir = tmpDir();
    const snap = JournalStore.snapshotPath(dataDir);
    fs.writeFileSync(snap, '{"format":"grid-bot",');
    const bot = startBot(dataDir);
    const code = await bot.exited;
    const { err } = bot.output();
    expect(code).toBe(1);
    expect(err).toContain(`Data file ${snap} cannot be read`);
    expect(err).toContain('It was left unchanged');
    expect(err).toMatch(/No backup exists yet/);
    expect(err.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(fs.readFileSync(snap, 'utf8')).toBe('{"format":"grid-bot",');
  }, 60_000);
});
