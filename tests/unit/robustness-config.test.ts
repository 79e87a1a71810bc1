import { parseConfig } from '../../src/config/load-config.js';
import { CONFIG_FILE, demoConfig } from '../helpers/fixtures.js';
import { DEFAULT_PACING } from '../../src/adapters/wechaty/pacing.js';
import fs from 'node:fs';

const raw = () => JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as Record<string, unknown>;

describe('robustness settings in the config file', () => {
  it('default to 1.5 s per room with 0.5 s jitter, 40 a minute, 4 retries from 2 s; 7 backups; retry from 5 s up to 5 min', () => {
    const r = raw();
    delete r.sending;
    delete r.backups;
    delete r.reconnect;
    const c = parseConfig(JSON.stringify(r), 'c.json');
    expect(c.sending).toEqual({ roomSpacingMs: 1500, jitterMs: 500, perMinute: 40, retries: 4, backoffMs: 2000 });
    expect(c.sending).toEqual(DEFAULT_PACING);
    expect(c.backups).toEqual({ keep: 7 });
    expect(c.reconnect).toEqual({ firstDelayMs: 5000, maxDelayMs: 300_000 });
  });

  it('take partial blocks, filling in the rest', () => {
    const c = demoConfig((r) => {
      r.sending = { perMinute: 20 };
    });
    expect(c.sending).toEqual({ ...DEFAULT_PACING, perMinute: 20 });
  });

  it('name a bad value and its field', () => {
    const r = raw();
    r.sending = { roomSpacingMs: -1, retries: 50 };
    r.backups = { keep: 'seven' };
    expect(() => parseConfig(JSON.stringify(r), 'c.json')).toThrow(/sending\.roomSpacingMs[\s\S]*sending\.retries[\s\S]*backups\.keep/);
  });
});
