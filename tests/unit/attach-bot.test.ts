/** The adapter's early returns and its last privacy gate, on a fake Wechaty (no puppet needed). */
import { EventEmitter } from 'node:events';
import * as PUPPET from 'wechaty-puppet';
import { attachBot, MAX_RAW_TEXT } from '../../src/adapters/wechaty/attach-bot.js';
import { appEndpoint } from '../../src/adapters/runtime.js';
import { NO_PACING } from '../../src/adapters/wechaty/outgoing-queue.js';
import { createLogger } from '../../src/adapters/log.js';
import type { InboundMessage } from '../../src/app/ports.js';
import { testApp } from '../helpers/fixtures.js';

const G1 = 'grid1@chatroom';

function harness() {
  const t = testApp();
  const inbound: InboundMessage[] = [];
  const original = t.app.handleMessage.bind(t.app);
  t.app.handleMessage = (m) => {
    inbound.push(m);
    return original(m);
  };
  const sent: { to: string; text: string }[] = [];
  const bot = Object.assign(new EventEmitter(), {
    isLoggedIn: true,
    currentUser: { id: 'bot', name: () => '网格助手' },
    puppet: { messageSendText: async (to: string, text: string) => void sent.push({ to, text }) },
  });
  const logs: string[] = [];
  const attached = attachBot(bot as never, appEndpoint(t.app, t.store), { clock: t.clock, log: createLogger('debug', (l) => logs.push(l)), pacing: NO_PACING });
  let n = 0;
  const message = (o: { id?: string; self?: boolean; type?: number; room?: string | null; at?: number; talker?: string; text: string }) => ({
    id: o.id ?? `w${++n}`,
    self: () => o.self ?? false,
    type: () => o.type ?? PUPPET.types.Message.Text,
    room: () => (o.room === null ? null : { id: o.room ?? G1, alias: async () => undefined }),
    date: () => new Date(o.at ?? t.clock.now()),
    talker: () => ({ id: o.talker ?? 'res-wang', name: () => '王阿姨' }),
    text: () => o.text,
    mentionList: async () => [],
  });
  const deliver = async (m: ReturnType<typeof message>) => {
    bot.emit('message', m);
    await attached.idle();
  };
  return { ...t, inbound, sent, bot, logs, attached, message, deliver };
}

const REQUEST = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

describe('the adapter', () => {
  it('ignores its own messages, non-text messages and rooms that are not configured', async () => {
    const h = harness();
    await h.deliver(h.message({ text: REQUEST, self: true }));
    await h.deliver(h.message({ text: REQUEST, type: PUPPET.types.Message.Image }));
    await h.deliver(h.message({ text: REQUEST, room: 'other@chatroom' }));
    expect(h.inbound).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('ignores history replayed after a re-login: messages older than the start-up cut-off', async () => {
    const h = harness();
    await h.deliver(h.message({ text: REQUEST, at: h.clock.now() - 61_000 }));
    expect(h.inbound).toEqual([]);
    await h.deliver(h.message({ text: REQUEST, at: h.clock.now() - 59_000 }));
    expect(h.inbound).toHaveLength(1);
  });

  it('drops a message id it has seen (puppets deliver some twice)', async () => {
    const h = harness();
    await h.deliver(h.message({ id: 'same', text: REQUEST }));
    await h.deliver(h.message({ id: 'same', text: REQUEST }));
    expect(h.inbound).toHaveLength(1);
    expect(h.store.size('orders')).toBe(1);
  });

  it('reads at most MAX_RAW_TEXT characters of a huge message, and the app still answers', async () => {
    const h = harness();
    await h.deliver(h.message({ text: REQUEST + ' 水管'.repeat(200_000) }));
    expect(h.inbound[0]!.text.length).toBe(MAX_RAW_TEXT);
    expect(h.sent.length).toBeGreaterThan(0);
    for (const s of h.sent) expect(s.text.length).toBeLessThan(1000);
  });

  it('masks phone and room numbers in what a group reads, not in the staff room or privately', async () => {
    const h = harness();
    h.attached.queue.push([
      { to: { roomId: G1 }, text: '@王阿姨13812345678 3号楼2单元501' },
      { to: { roomId: 'staff@chatroom' }, text: '王阿姨 13812345678 3号楼2单元501' },
      { to: { contactId: 'vol-zhang' }, text: '王阿姨 13812345678 3号楼2单元501' },
    ]);
    await h.attached.idle();
    expect(h.sent).toEqual([
      { to: G1, text: '@王阿姨138****5678 3号楼2单元' },
      { to: 'staff@chatroom', text: '王阿姨 13812345678 3号楼2单元501' },
      { to: 'vol-zhang', text: '王阿姨 13812345678 3号楼2单元501' },
    ]);
  });

  it('holds replies while logged out and sends them after the login, without spending retries', async () => {
    const h = harness();
    h.bot.isLoggedIn = false;
    h.attached.queue.push([{ id: 'r1', to: { roomId: G1 }, text: '#1 ……' }]);
    await new Promise((r) => setImmediate(r));
    expect(h.sent).toEqual([]);
    h.bot.isLoggedIn = true;
    h.bot.emit('login');
    await h.attached.idle();
    expect(h.sent).toEqual([{ to: G1, text: '#1 ……' }]);
  });

  it('takes no message once paused for shutdown, but still sends what was queued', async () => {
    const h = harness();
    h.attached.queue.push([{ to: { roomId: G1 }, text: '#1 ……' }]);
    h.attached.pause();
    await h.deliver(h.message({ text: REQUEST }));
    expect(h.inbound).toEqual([]);
    expect(h.sent).toEqual([{ to: G1, text: '#1 ……' }]);
  });

  it('catches a failure inside the app, logs one line with ids only, and goes on', async () => {
    const h = harness();
    h.app.handleMessage = async () => {
      throw new Error('disk full while writing 13812345678');
    };
    await h.deliver(h.message({ id: 'boom', text: REQUEST }));
    const errors = h.logs.filter((l) => l.includes('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/message boom in grid1@chatroom from res-wang failed — disk full while writing 138\*\*\*\*5678/);
    expect(h.attached.busy).toBe(0);
  });
});
