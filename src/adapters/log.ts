/** A small logger: one line per event, ids not personal data (phone numbers are masked). */
import { maskPhonesIn } from '../core/privacy.js';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Level[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

export function createLogger(level: Level = 'info', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const min = ORDER.indexOf(level);
  const emit = (lv: Level, msg: string, err?: unknown) => {
    if (ORDER.indexOf(lv) < min) return;
    const detail = err ? ` — ${err instanceof Error ? err.message : String(err)}` : '';
    write(`${new Date().toISOString()} ${lv.toUpperCase()} ${maskPhonesIn(msg + detail)}`);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m, e) => emit('error', m, e),
  };
}
