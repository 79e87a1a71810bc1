/** A virtual clock for code that takes `now` and `sleep`: time moves only when every task waits. */
export function virtualTime(start = 0) {
  let now = start;
  const timers: { at: number; seq: number; res: () => void }[] = [];
  let seq = 0;
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((res) => timers.push({ at: now + Math.max(0, ms), seq: seq++, res })),
    /** Runs until `done()` holds, jumping to the next timer whenever everything waits. */
    async runUntil(done: () => boolean, maxSteps = 100_000): Promise<void> {
      for (let i = 0; i < maxSteps; i++) {
        await flush();
        if (done()) return;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error(`stuck at t=${now}: nothing is waiting and the condition does not hold`);
        now = Math.max(now, next.at);
        next.res();
      }
      throw new Error('too many steps');
    },
    get waiting() {
      return timers.length;
    },
  };
}
