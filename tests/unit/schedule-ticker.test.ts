import { startTicker } from '../../src/adapters/scheduler/cron-ticker.js';
import { createLogger } from '../../src/adapters/log.js';
import type { BotApp } from '../../src/app/bot-app.js';
import type { Reply } from '../../src/app/ports.js';

describe('the cron ticker', () => {
  it('runs nothing before the account is logged in, and what is due once it is', async () => {
    const asked: number[] = [];
    const app = { runDueJobs: async (now: number): Promise<Reply[]> => (asked.push(now), [{ to: { roomId: 'g@chatroom' }, text: 'x' }]) } as unknown as BotApp;
    const pushed: Reply[][] = [];
    let loggedIn = false;
    const ticker = startTicker(app, { now: () => 42 }, (r) => pushed.push(r), createLogger('error'), 'Asia/Shanghai', () => loggedIn);
    try {
      await ticker.tick();
      expect(asked).toEqual([]);
      loggedIn = true;
      await ticker.tick();
      expect(asked).toEqual([42]);
      expect(pushed).toHaveLength(1);
    } finally {
      ticker.stop();
    }
  });
});
