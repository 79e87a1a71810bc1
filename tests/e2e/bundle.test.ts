import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle } from '../../scripts/bundle.js';

/**
 * `npm start` runs the bot bundled into one file (scripts/bundle.ts). The simulator bundled the
 * same way must play a day exactly as the simulator does unbundled: Wechaty, puppet-mock, the
 * schedule and the store behave the same in the bundle. The bot itself, bundled, starts its app
 * thread from app-worker.cjs through the same launcher.
 */
describe('the bundled bot', () => {
  it('plays scenarios/day.jsonl with the same transcript as the unbundled simulator', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bundle-'));
    await bundle('./src/cli/sim.ts', path.join(dir, 'sim/grid-bot.cjs'));
    const env = { ...process.env, WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent', NODE_OPTIONS: '' };
    const args = ['--script', 'scenarios/day.jsonl', '--json'];
    const bundled = execFileSync(process.execPath, [path.join(dir, 'sim/start.cjs'), ...args], { env, encoding: 'utf8' });
    const plain = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { env, encoding: 'utf8' });
    expect(bundled.split('\n').length).toBeGreaterThan(20);
    expect(bundled).toBe(plain);
  }, 180_000);

  it('runs as npm start does: its app thread (app-worker.cjs) opens the data, and SIGTERM stops both threads cleanly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bundle-start-'));
    await bundle('./src/main.ts', path.join(dir, 'bot/grid-bot.cjs'));
    expect(fs.existsSync(path.join(dir, 'bot/app-worker.cjs'))).toBe(true);
    const env: NodeJS.ProcessEnv = { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent', GRID_BOT_LOG: 'info' };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [path.join(dir, 'bot/start.cjs'), '--data', path.join(dir, 'data')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await new Promise<void>((res, rej) => {
      child.stderr.on('data', (d) => {
        err += String(d);
        if (err.includes('grid bot started') && err.includes('data loaded: 0 orders')) res();
      });
      void exited.then((code) => rej(new Error(`exited ${code} before starting: ${err}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('stopped; data saved');
    expect(err).not.toMatch(/ERROR/);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(true);
  }, 180_000);
});
