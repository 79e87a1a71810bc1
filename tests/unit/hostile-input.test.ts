/**
 * Property-based: random and hostile text thrown at the parser, the command grammar and the
 * message handler. No throw, no unhandled rejection, and no state change where none is allowed.
 * The run counts are reported in the README ("Robustness"); the seed is fixed so a failure replays.
 */
import fc from 'fast-check';
import { parseMessage } from '../../src/core/parse-message.js';
import { parseCommand } from '../../src/core/commands.js';
import { maskForGroup } from '../../src/core/mask-for-group.js';
import { sanitiseText } from '../../src/core/privacy.js';
import { BotApp } from '../../src/app/bot-app.js';
import { installFeatures } from '../../src/app/features.js';
import { MemoryStore } from '../../src/adapters/store/memory-store.js';
import type { InboundMessage } from '../../src/app/ports.js';
import type { Order } from '../../src/core/model.js';
import { demoConfig, T0 } from '../helpers/fixtures.js';
import { hostileName, hostileText } from '../helpers/hostile.js';

const SEED = 20260610;
export const RUNS = { parser: 3000, commands: 10_000, handler: 1000 };
const config = demoConfig();
const CATEGORY_KEYS = new Set(config.catalogue.map((c) => c.key));
const INTENTS = new Set(['service', 'proxy', 'question', 'dispute', 'chat']);
const COMMAND_TYPES = new Set(['claim', 'start', 'complete', 'abandon', 'cancel', 'rate', 'accept', 'assign', 'reject', 'close', 'reopen', 'show', 'todo', 'help', 'malformed', 'unknown']);

const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);
beforeAll(() => process.on('unhandledRejection', onRejection));
afterAll(() => process.off('unhandledRejection', onRejection));
afterEach(() => expect(rejections).toEqual([]));

const instant = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2040-01-01') });

describe('the parser under hostile text', () => {
  it(`never throws and keeps its contract (${RUNS.parser} texts)`, () => {
    fc.assert(
      fc.property(hostileText, instant, (text, now) => {
        const r = parseMessage(text, now, { catalogue: config.catalogue });
        expect(INTENTS.has(r.intent)).toBe(true);
        expect(r.category === null || CATEGORY_KEYS.has(r.category)).toBe(true);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.phone === null || /^1[3-9]\d{9}$/.test(r.phone)).toBe(true);
        expect(typeof r.summary).toBe('string');
        expect([...r.summary].length).toBeLessThanOrEqual(30);
        expect(Array.isArray(r.missing)).toBe(true);
      }),
      { numRuns: RUNS.parser, seed: SEED },
    );
  });
});

describe('the command grammar under hostile text', () => {
  it(`never throws and returns null or a well-formed command (${RUNS.commands} texts)`, () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const c = parseCommand(text);
        if (c === null) return;
        expect(COMMAND_TYPES.has(c.type)).toBe(true);
        if ('orderId' in c && c.orderId !== null) {
          expect(Number.isSafeInteger(c.orderId)).toBe(true);
          expect(c.orderId).toBeGreaterThanOrEqual(0);
          expect(c.orderId).toBeLessThanOrEqual(999_999_999);
        }
        if (c.type === 'rate') expect([1, 2, 3, 4, 5]).toContain(c.score);
        if (c.type === 'unknown') expect(c.word.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: RUNS.commands, seed: SEED },
    );
  });
});

/** An app with every feature and grid-1 orders in every state. */
async function community() {
  const clock = { t: T0, now() { return this.t; } };
  const store = new MemoryStore();
  const app = installFeatures(new BotApp({ config, store, clock }));
  let n = 0;
  const send = (m: Partial<InboundMessage> & { talkerId: string; text: string }) => {
    clock.t += 1000;
    return app.handleMessage({ id: `m${++n}`, roomId: 'grid1@chatroom', talkerName: m.talkerId, mentionIds: [], mentionsBot: false, at: clock.t, ...m });
  };
  const repair = (room: string) => `3号楼2单元${room}厨房水管漏了 能来人看看吗 13812345678`;
  await send({ talkerId: 'res-wang', text: repair('501') });
  await send({ talkerId: 'res-zhao', text: '帮我申请下低保 3号楼2单元502' });
  await send({ talkerId: 'res-li', text: repair('503') });
  await send({ talkerId: 'vol-zhang', text: '接单 #3' });
  await send({ talkerId: 'res-sun', text: repair('504') });
  await send({ talkerId: 'vol-zhang', text: '接单 #4' });
  await send({ talkerId: 'vol-zhang', text: '开始 #4' });
  await send({ talkerId: 'res-qian', text: repair('505') });
  await send({ talkerId: 'vol-li', text: '接单 #5' });
  await send({ talkerId: 'vol-li', text: '完成 #5' });
  await send({ talkerId: 'res-zhou', text: repair('506') });
  await send({ talkerId: 'res-zhou', text: '取消 #6' });
  const existing = () => JSON.stringify([...store.values<Order>('orders')].filter((o) => o.id <= 6).sort((a, b) => a.id - b.id));
  return { app, store, send, existing, clock };
}

/** People with no rights over the grid-1 orders: strangers (any id), other grids' volunteers and grid workers. */
const outsider = fc.oneof(
  fc.constantFrom('res-x', 'stranger', 'vol-feng', 'vol-jiang', 'vol-chu', 'wk-wang', 'wk-chen', 'Staff-Liu', 'staff-liu\u200b', 'staff-liu ', 'bot', '系统'),
  fc.string({ minLength: 1, maxLength: 40 }),
);
const room = fc.constantFrom('grid1@chatroom', 'grid2@chatroom', 'grid3@chatroom', 'staff@chatroom', null, 'evil@chatroom');
const mentions = fc.subarray(['staff-liu', 'vol-zhang', 'vol-li', 'res-wang', 'bot', 'wk-li']);
const message = fc.record({ talkerId: outsider, talkerName: hostileName, text: hostileText, roomId: room, mentionIds: mentions, mentionsBot: fc.boolean() });

describe('the message handler under hostile messages', () => {
  it(`never throws, answers briefly, masks group posts, and outsiders change no existing order (${RUNS.handler} sequences of 1–6 messages)`, async () => {
    const c = await community();
    const before = c.existing();
    let messages = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 6 }), async (batch) => {
        for (const m of batch) {
          messages++;
          const out = await c.send(m);
          const input = sanitiseText(m.text, 100_000);
          for (const r of out) {
            expect(typeof r.text).toBe('string');
            expect(r.text.length).toBeLessThanOrEqual(1500);
            if ('roomId' in r.to && r.to.roomId !== config.staffRoomId) expect(maskForGroup(r.text)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
            // Never echoes a long input back in full.
            if (input.length > 200) {
              expect(r.text.includes(input.slice(0, 150))).toBe(false);
              expect(r.text.includes(input.slice(-150))).toBe(false);
            }
          }
        }
        expect(c.existing()).toBe(before);
      }),
      { numRuns: RUNS.handler, seed: SEED },
    );
    expect(messages).toBeGreaterThan(RUNS.handler);
  });

  it('a message from an unconfigured room changes nothing and gets no answer', async () => {
    const c = await community();
    await fc.assert(
      fc.asyncProperty(fc.record({ talkerId: fc.constantFrom('staff-liu', 'vol-zhang', 'res-wang'), text: hostileText }), async (m) => {
        const size = c.store.size('orders');
        expect(await c.send({ ...m, roomId: 'evil@chatroom' })).toEqual([]);
        expect(c.store.size('orders')).toBe(size);
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(c.existing()).toMatch(/"id":1/);
  });
});
