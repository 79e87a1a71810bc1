/**
 * The one outgoing queue. WeChat bans accounts that send too fast, so sends are spaced per
 * conversation (with jitter) and capped per minute for the whole account. Replies to one
 * conversation keep their order. A failed send is retried with backoff a bounded number of
 * times, then handed to `onFailed`: nothing is dropped silently.
 */
import type { Reply } from '../../app/ports.js';

export interface PacingOptions {
  /** Minimum gap between two sends to the same conversation (ms). 0 = no pacing. */
  roomSpacingMs: number;
  /** Random extra gap, 0..jitterMs. */
  jitterMs: number;
  /** Sends per rolling minute for the whole account. 0 = no cap. */
  perMinute: number;
  /** Attempts after the first failure. */
  retries: number;
  /** First retry delay; doubles each time. */
  backoffMs: number;
}

export const NO_PACING: PacingOptions = { roomSpacingMs: 0, jitterMs: 0, perMinute: 0, retries: 3, backoffMs: 50 };

export interface QueueHooks {
  send(r: Reply): Promise<void>;
  onSent(r: Reply): Promise<void>;
  onFailed(r: Reply, error: unknown): Promise<void>;
  /** Resolves when sending is possible (the account is logged in); retries are not spent while it waits. */
  ready?(): Promise<void>;
  sleep?(ms: number): Promise<void>;
  now?(): number;
  random?(): number;
}

const destKey = (r: Reply) => ('roomId' in r.to ? `r:${r.to.roomId}` : `c:${r.to.contactId}`);

export class OutgoingQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly lastSent = new Map<string, number>();
  private readonly window: number[] = [];
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly queued = new Set<string>();

  constructor(
    private readonly hooks: QueueHooks,
    private readonly pacing: PacingOptions,
  ) {
    this.sleep = hooks.sleep ?? ((ms) => new Promise((res) => setTimeout(res, ms)));
    this.now = hooks.now ?? Date.now;
    this.random = hooks.random ?? Math.random;
  }

  /** Queues replies; a reply already queued (same outbox id) is not queued twice. */
  push(replies: readonly Reply[]): void {
    for (const r of replies) {
      if (r.id) {
        if (this.queued.has(r.id)) continue;
        this.queued.add(r.id);
      }
      const key = destKey(r);
      this.pending++;
      const prev = this.chains.get(key) ?? Promise.resolve();
      const next = prev.then(() => this.deliver(key, r)).finally(() => {
        if (r.id) this.queued.delete(r.id);
        if (--this.pending === 0) this.idleWaiters.splice(0).forEach((w) => w());
      });
      this.chains.set(key, next);
      void next.then(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    }
  }

  get size(): number {
    return this.pending;
  }

  /** Resolves when everything queued so far has been sent or given up. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((res) => this.idleWaiters.push(res));
  }

  private async deliver(key: string, r: Reply): Promise<void> {
    await this.pace(key);
    let delay = this.pacing.backoffMs;
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.hooks.ready) await this.hooks.ready();
        await this.hooks.send(r);
        this.lastSent.set(key, this.now());
        break;
      } catch (e) {
        if (attempt >= this.pacing.retries) {
          await this.hooks.onFailed(r, e).catch(() => undefined);
          return;
        }
        await this.sleep(delay);
        delay *= 2;
      }
    }
    await this.hooks.onSent(r).catch(() => undefined);
  }

  private async pace(key: string): Promise<void> {
    const { roomSpacingMs, jitterMs, perMinute } = this.pacing;
    if (roomSpacingMs > 0) {
      const last = this.lastSent.get(key);
      const gap = roomSpacingMs + Math.floor(this.random() * jitterMs);
      if (last !== undefined && this.now() - last < gap) await this.sleep(gap - (this.now() - last));
    }
    if (perMinute > 0) {
      for (;;) {
        const t = this.now();
        while (this.window.length && t - this.window[0]! >= 60_000) this.window.shift();
        if (this.window.length < perMinute) break;
        await this.sleep(60_000 - (t - this.window[0]!) + 1);
      }
      this.window.push(this.now());
    }
  }
}
