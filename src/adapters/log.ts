/** A small logger: one line per event, ids not personal data (phones, ID numbers and addresses are masked). */
import { redactForLog } from '../core/mask-for-group.js';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Level[] = ['debug', 'info', 'warn', 'error', 'silent'];
/** A log line is capped: an error carrying a whole payload must not flood the log. */
const MAX_LINE = 1000;

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
    // One line, always: a multi-line error message would flood the log and hide the next line.
    const line = redactForLog(`${msg}${detail}`.slice(0, MAX_LINE)).replace(/\s*\n\s*/g, ' ⏎ ');
    write(`${new Date().toISOString()} ${lv.toUpperCase()} ${line}`);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m, e) => emit('error', m, e),
  };
}
