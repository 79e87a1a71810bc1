import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type AppConfig } from '../core/config-schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Which config file to use: `--config PATH`, else `GRID_BOT_CONFIG`, else `config/default.json`. */
export function configPath(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--config');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]!);
  if (env.GRID_BOT_CONFIG) return path.resolve(env.GRID_BOT_CONFIG);
  return path.resolve('config/default.json');
}

/** Parses and validates a config text; throws ConfigError naming the file, the field and the fault. */
export function parseConfig(text: string, file: string): AppConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${(e as Error).message}. Fix the file or choose another with --config.`);
  }
  const r = configSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 10).map((i) => `  - ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new ConfigError(`Config file ${file} is invalid:\n${lines.join('\n')}\nFix these fields (see README, "Configuration").`);
  }
  return deepFreeze(r.data);
}

/** Reads, validates and freezes the config file. */
export function loadConfig(file: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`Config file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Pass an existing file with --config or GRID_BOT_CONFIG.`);
  }
  return parseConfig(text, file);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
