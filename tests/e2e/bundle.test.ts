import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle } from '../../scripts/bundle.js';

/**
 * `npm start` runs the bot bundled into one file (scripts/bundle.ts). The simulator bundled the
 * same way must play a day exactly as the simulator does unbundled: Wechaty, puppet-mock, the
 * schedule and the store behave the same in the bundle.
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
});
