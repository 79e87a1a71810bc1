/** Duplicates, restarts and own messages through real Wechaty on puppet-mock. */
import { runScript, botTexts, G1, tmpDir } from '../helpers/sim.js';
import { readStep, type ScriptStep } from '../../src/adapters/wechaty/simulator.js';
import type { Order } from '../../src/core/model.js';

const REQUEST = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';
const acks = (t: string[]) => t.filter((x) => x.startsWith('已登记'));

describe('receiving', () => {
  it('handles a message delivered twice by the puppet (same id) once', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST, id: 'wx-1' },
      { from: 'res-wang', room: G1, text: REQUEST, id: 'wx-1' },
    ]);
    expect(sim.transcript.filter((l) => !l.bot)).toHaveLength(2);
    expect(acks(botTexts(sim.transcript))).toHaveLength(1);
    expect(sim.store.size('orders')).toBe(1);
  });

  it('remembers handled ids across a restart: a re-delivery after it opens no second order', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST, id: 'wx-1' },
      { restart: true },
      { from: 'res-wang', room: G1, text: REQUEST, id: 'wx-1' },
    ]);
    expect(acks(botTexts(sim.transcript))).toHaveLength(1);
    expect(sim.store.size('orders')).toBe(1);
  });

  it('treats the same text with a new id as a new message (the resident really posted twice): answered with the open order', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST, id: 'wx-1' },
      { from: 'res-wang', room: G1, text: REQUEST, id: 'wx-2' },
    ]);
    expect(acks(botTexts(sim.transcript))).toHaveLength(1);
    expect(botTexts(sim.transcript).filter((t) => t.includes('说的事已登记为 #1'))).toHaveLength(1);
    expect(sim.store.size('orders')).toBe(1);
  });

  it('never answers itself and ignores rooms that are not configured', async () => {
    const dataDir = tmpDir();
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'res-zhao', name: '赵大爷', room: 'elsewhere@chatroom', text: REQUEST },
    ], { dataDir });
    expect(sim.store.get('contacts', 'bot')).toBeUndefined();
    expect(sim.store.get('contacts', 'res-zhao')).toBeUndefined();
    expect(sim.transcript.filter((l) => l.bot && l.room === 'elsewhere@chatroom')).toEqual([]);
    expect(sim.store.size('orders')).toBe(1);
  });

  it('reads a very long message only in part and never echoes it back', async () => {
    const long = `${REQUEST} ${'很急 '.repeat(40_000)}`;
    const sim = await runScript([{ from: 'res-wang', name: '王阿姨', room: G1, text: long }]);
    const o = sim.store.get<Order>('orders', '1')!;
    expect(o.text.length).toBeLessThanOrEqual(500);
    for (const t of botTexts(sim.transcript)) expect(t.length).toBeLessThan(600);
  });

  it('checks script ids', () => {
    expect(() => readStep('{"from":"a","room":"g@r","text":"x","id":""}', 's:1')).toThrow(/"id" must be/);
    expect(() => readStep('{"at":"2026-06-10T09:30:00+08:00","id":"x"}', 's:2')).toThrow();
    expect(() => readStep('null', 's:3')).toThrow(/expected a JSON object/);
    expect(readStep('{"from":"a","room":"g@r","text":"x","id":"m1"}', 's:4')).toEqual({ from: 'a', room: 'g@r', text: 'x', id: 'm1' } satisfies ScriptStep);
  });
});
