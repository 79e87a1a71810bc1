/** Hostile text through the whole adapter path (Wechaty on puppet-mock), not just the app. */
import fc from 'fast-check';
import { Simulator, type ScriptStep } from '../../src/adapters/wechaty/simulator.js';
import { createLogger } from '../../src/adapters/log.js';
import type { Order } from '../../src/core/model.js';
import { demoConfig } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/sim.js';
import { hostileName, hostileText } from '../helpers/hostile.js';

export const E2E_LINES = 150;
const G1 = 'grid1@chatroom';
const REQUEST = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

describe('hostile messages through Wechaty', () => {
  it(`are all delivered and answered or ignored without an error, and outsiders change no order (${E2E_LINES} lines)`, async () => {
    const rooms = ['grid1@chatroom', 'grid2@chatroom', 'staff@chatroom'];
    const lines = fc.sample(
      fc.record({ who: fc.integer({ min: 1, max: 12 }), name: hostileName, room: fc.option(fc.constantFrom(...rooms), { nil: undefined }), text: hostileText }),
      { numRuns: E2E_LINES, seed: 20260610 },
    );
    const script: ScriptStep[] = [
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'vol-zhang', room: G1, text: '接单 #1' },
      ...lines.map((l): ScriptStep => {
        const from = `hostile-${l.who}`;
        // Each person keeps the first name they were given (the mock cannot rename); texts vary.
        const text = l.text.slice(0, 20_000);
        return l.room ? { from, name: l.name || from, room: l.room, text } : { from, name: l.name || from, to: 'bot', text };
      }),
    ];
    const logs: string[] = [];
    const sim = await Simulator.create({ config: demoConfig(), dataDir: tmpDir(), script, startAt: Date.parse('2026-06-10T09:30:00+08:00'), log: createLogger('warn', (l) => logs.push(l)) });
    const before = JSON.stringify(sim.store.get<Order>('orders', '1') ?? null);
    try {
      await sim.playAll(script.slice(0, 2));
      const claimed = JSON.stringify(sim.store.get<Order>('orders', '1'));
      await sim.playAll(script.slice(2));
      expect(JSON.stringify(sim.store.get<Order>('orders', '1'))).toBe(claimed);
    } finally {
      await sim.stop();
    }
    expect(before).toBe('null');
    expect(sim.transcript.filter((l) => !l.bot)).toHaveLength(script.length);
    expect(logs.filter((l) => /ERROR|settle timed out/.test(l))).toEqual([]);
    for (const l of sim.transcript.filter((x) => x.bot && x.room && x.room !== 'staff@chatroom')) expect(l.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  }, 120_000);
});
