import { loadConfig, parseConfig, ConfigError, configPath } from '../../src/config/load-config.js';
import { CONFIG_FILE, demoConfig } from '../helpers/fixtures.js';
import fs from 'node:fs';

describe('config', () => {
  it('loads the demo community', () => {
    const c = loadConfig(CONFIG_FILE);
    expect(c.grids).toHaveLength(3);
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(Object.isFrozen(c.grids[0])).toBe(true);
  });

  it('names the file, the field and the fault', () => {
    const raw = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8'));
    raw.grids[1].roomId = 'grid2';
    raw.volunteers[0].skills.push('flying');
    let err: Error | undefined;
    try {
      parseConfig(JSON.stringify(raw), 'my.json');
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toContain('my.json');
    expect(err!.message).toContain('grids.1.roomId: a room id must contain "@"');
    expect(err!.message).toContain('volunteers.0.skills.3: unknown category "flying"');
  });

  it('requires the corpus category keys in the catalogue', () => {
    expect(() => demoConfig((r) => { (r.catalogue as unknown[]).splice(0, 1); })).toThrow(/missing category "civil_affairs"/);
  });

  it('says when the file is not JSON or missing', () => {
    expect(() => parseConfig('{', 'x.json')).toThrow(/x.json is not valid JSON/);
    expect(() => loadConfig('/nonexistent/c.json')).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('is chosen by --config, then GRID_BOT_CONFIG', () => {
    expect(configPath(['--config', '/a.json'], { GRID_BOT_CONFIG: '/b.json' })).toBe('/a.json');
    expect(configPath([], { GRID_BOT_CONFIG: '/b.json' })).toBe('/b.json');
    expect(configPath([], {})).toMatch(/config\/default.json$/);
  });
});
