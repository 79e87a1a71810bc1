/** node-cron only ticks: once a minute it asks the app what is due and queues the replies. */
import cron from 'node-cron';
import type { BotApp } from '../../app/bot-app.js';
import type { Clock, Reply } from '../../app/ports.js';
import type { Logger } from '../log.js';

export interface Ticker {
  /** Runs one tick now (also used at start-up to send what fell due while the bot was down). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * `ready` says whether posts can be sent now (the account is logged in): before that a tick does
 * nothing, so what falls due while waiting for a QR scan is sent after login, not given up.
 */
export function startTicker(app: BotApp, clock: Clock, push: (r: Reply[]) => void, log: Logger, timezone: string, ready: () => boolean = () => true): Ticker {
  let running = false;
  const tick = async () => {
    if (running || !ready()) return; // a slow tick is not stacked on itself
    running = true;
    try {
      push(await app.runDueJobs(clock.now()));
    } catch (e) {
      log.error('scheduled jobs failed', e);
    } finally {
      running = false;
    }
  };
  const task = cron.schedule('* * * * *', () => void tick(), { timezone });
  return {
    tick,
    stop: () => {
      void task.stop();
    },
  };
}
