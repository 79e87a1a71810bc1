/**
 * The short crash test: the bot in a child process (tsx), killed with SIGKILL a few times while
 * requests stream in, restarted on the same data. `npm run crash-test` is the long version.
 */
import { runCrashTest } from '../../scripts/crash-test.js';

describe('killed with SIGKILL at random moments', () => {
  it('loses no acknowledged order, duplicates none, and loses no reply', async () => {
    const r = await runCrashTest({ rounds: 3, requests: 12, seed: 7, finalTimeoutMs: 60_000 });
    expect(r.problems).toEqual([]);
    expect(r.kills).toBe(3);
    expect(r.ordersInStore).toBe(12);
    expect(r.acknowledged).toBe(12);
    expect(r.duplicateOrders + r.lostRequests + r.acknowledgedButMissing + r.ordersNeverAcknowledged).toBe(0);
    expect(r.lostReplies + r.outboxLeft + r.failedLeft).toBe(0);
    expect(r.distinctRepliesSent).toBe(r.repliesRecorded);
    // Replies sent again after a kill (at-least-once) are counted, never more than one per kill.
    expect(r.repeatedReplies).toBeLessThanOrEqual(r.kills);
  }, 180_000);
});
