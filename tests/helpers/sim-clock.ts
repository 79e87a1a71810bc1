import type { Runtime } from '../../src/adapters/runtime.js';
import type { Simulator, ScriptStep } from '../../src/adapters/wechaty/simulator.js';

/**
 * Plays steps; after an `{"at"}` line the jobs due at the new time run once, as the minute ticker
 * would. (Harmless once the simulator runs due jobs itself: a second run at the same time finds nothing due.)
 */
export async function playWithClock(sim: Simulator, steps: ScriptStep[]): Promise<void> {
  for (const s of steps) {
    await sim.play(s);
    if ('at' in s) {
      const rt = (sim as unknown as { runtime: Runtime }).runtime;
      rt.attached.queue.push(await sim.app.runDueJobs(sim.clock.now()));
      await sim.settle();
    }
  }
}
