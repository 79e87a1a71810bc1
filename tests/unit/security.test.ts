/**
 * Let no one in: rights come from the config's contact ids only; volunteers act on their grids'
 * orders, residents on their own. Every command word the grammar knows is tried.
 */
import { PLAIN_COMMAND_WORDS, SLASH_COMMAND_WORDS } from '../../src/core/vocabulary-commands.js';
import { installFeatures } from '../../src/app/features.js';
import { BotApp } from '../../src/app/bot-app.js';
import { MemoryStore } from '../../src/adapters/store/memory-store.js';
import type { InboundMessage, Reply } from '../../src/app/ports.js';
import type { Order } from '../../src/core/model.js';
import { demoConfig, T0, texts } from '../helpers/fixtures.js';

const G1 = 'grid1@chatroom';
const STAFF_ROOM = 'staff@chatroom';
const STAFF_ONLY = '这个指令只有社区工作人员可以使用。';
const REPAIR = (room: string, phone: string) => `3号楼2单元${room}厨房水管漏了 能来人看看吗 ${phone}`;

/** An app with every feature installed and orders in many states, all in grid 1. */
async function community() {
  const config = demoConfig();
  const clock = { t: T0, now() { return this.t; } };
  const store = new MemoryStore();
  const app = installFeatures(new BotApp({ config, store, clock }));
  let n = 0;
  const say = (talkerId: string, text: string, opts: Partial<InboundMessage> = {}): Promise<Reply[]> => {
    clock.t += 1000;
    return app.handleMessage({ id: `s${++n}`, roomId: G1, talkerId, talkerName: talkerId, text, mentionIds: [], mentionsBot: false, at: clock.t, ...opts });
  };
  await say('res-wang', REPAIR('501', '13812345678'), { talkerName: '王阿姨' }); // #1 dispatched
  await say('res-zhao', '帮我申请下低保 3号楼2单元502 13900001111', { talkerName: '赵大爷' }); // #2 submitted (needs 受理)
  await say('res-li', REPAIR('503', '13700002222'), { talkerName: '李奶奶' }); // #3 claimed
  await say('vol-zhang', '接单 #3');
  await say('res-sun', REPAIR('504', '13600003333'), { talkerName: '孙大妈' }); // #4 in progress
  await say('vol-zhang', '接单 #4');
  await say('vol-zhang', '开始 #4');
  await say('res-qian', REPAIR('505', '13500004444'), { talkerName: '钱叔' }); // #5 reported, waiting for a rating
  await say('vol-li', '接单 #5');
  await say('vol-li', '完成 #5');
  await say('res-zhou', REPAIR('506', '13400005555'), { talkerName: '周姐' }); // #6 cancelled
  await say('res-zhou', '取消 #6');
  const statuses = [...store.values<Order>('orders')].map((o) => `#${o.id} ${o.status}`).sort();
  expect(statuses).toEqual(['#1 dispatched', '#2 submitted', '#3 claimed', '#4 in_progress', '#5 reported', '#6 cancelled']);
  const snapshot = () => JSON.stringify([...store.values<Order>('orders')].sort((a, b) => a.id - b.id));
  return { app, store, say, snapshot, config };
}

/** Every command text the grammar knows, for every order (and none). */
function everyCommand(ids: number[]): string[] {
  const out: string[] = [];
  for (const [name, words] of Object.entries(SLASH_COMMAND_WORDS) as [string, readonly string[]][]) {
    for (const w of words) {
      if (name === 'todo' || name === 'help') {
        out.push(`/${w}`);
        continue;
      }
      for (const id of ids) out.push(name === 'assign' ? `/${w} #${id} @张师傅` : `/${w} #${id} 冒充的备注`);
    }
  }
  for (const [name, words] of Object.entries(PLAIN_COMMAND_WORDS) as [string, readonly string[]][]) {
    for (const w of words) for (const id of ids) out.push(name === 'rate' ? `${w} #${id} 5 很满意` : name === 'claim' ? `${w} #${id}` : `${w} #${id} 已办`);
  }
  out.push('5', '1', '五星');
  return out;
}

const SLASH_STAFF = Object.entries(SLASH_COMMAND_WORDS)
  .filter(([name]) => name !== 'help')
  .flatMap(([, words]) => words as readonly string[]);

describe('rights come from config ids only', () => {
  // Display names of a staff member, a grid worker, a grid chief, a volunteer who holds orders, and a resident.
  const DISGUISES = ['刘书记', '网格员小李', '赵网格长', '张师傅', '李师傅', '王阿姨'];

  it.each(DISGUISES)('a resident renamed to "%s" cannot change any order with any command, anywhere', async (disguise) => {
    const { say, snapshot } = await community();
    const before = snapshot();
    for (const room of [G1, STAFF_ROOM, null]) {
      for (const cmd of everyCommand([1, 2, 3, 4, 5, 6, 99])) {
        const out = await say('res-fake', cmd, { talkerName: disguise, roomId: room });
        const isStaffCommand = cmd.startsWith('/') && SLASH_STAFF.some((w) => cmd.startsWith(`/${w}`));
        if (isStaffCommand && !/#99/.test(cmd)) expect([cmd, texts(out)]).toEqual([cmd, [STAFF_ONLY]]);
        for (const t of texts(out)) expect(t).not.toMatch(/1[3-9]\d{9}|50[1-6]/);
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('/帮助 shows an impostor the resident\'s help only', async () => {
    const { say } = await community();
    const [help] = texts(await say('res-fake', '/帮助', { talkerName: '刘书记' }));
    expect(help).toContain('居民');
    expect(help).not.toContain('/受理');
  });

  it('an id that only looks like a staff id is not staff', async () => {
    const { say, snapshot } = await community();
    const before = snapshot();
    for (const id of ['Staff-Liu', 'staff-liu ', ' staff-liu', 'staff-liu\u200b', 'staff_liu']) {
      expect(texts(await say(id, '/关闭 #1', { talkerName: '刘书记', roomId: STAFF_ROOM }))).toEqual([STAFF_ONLY]);
    }
    expect(snapshot()).toBe(before);
  });
});

describe('volunteers act only on their grids\' orders', () => {
  it('a volunteer of another grid cannot claim, start, finish or give back a grid-1 order', async () => {
    const { say, snapshot } = await community();
    const before = snapshot();
    expect(texts(await say('vol-feng', '接单 #1'))).toEqual(['#1 只有本网格的志愿者可以接单。']);
    for (const cmd of ['开始 #3', '完成 #3 办好了', '放弃 #3', '完成 #4', '放弃 #4 不想干']) {
      expect(texts(await say('vol-feng', cmd))[0]).toMatch(/只有接单的志愿者或社区工作人员可以操作/);
    }
    expect(snapshot()).toBe(before);
  });

  it('a volunteer of the same grid cannot act on another volunteer\'s order', async () => {
    const { say, snapshot } = await community();
    const before = snapshot();
    for (const cmd of ['开始 #3', '完成 #3', '放弃 #3', '完成 #4']) {
      expect(texts(await say('vol-li', cmd))[0]).toMatch(/只有接单的志愿者或社区工作人员可以操作/);
    }
    expect(texts(await say('vol-li', '接单 #3'))).toEqual(['#3 已由张师傅接单,谢谢您!']);
    expect(snapshot()).toBe(before);
  });

  it('volunteers and grid workers of another grid get no staff rights on it', async () => {
    const { say, snapshot } = await community();
    const before = snapshot();
    for (const [who, cmd] of [['vol-zhang', '/关闭 #1'], ['vol-li', '/派单 #1 @李师傅'], ['wk-wang', '/关闭 #1'], ['wk-wang', '/受理 #2'], ['wk-chen', '/查 #3']] as const) {
      expect(texts(await say(who, cmd, { roomId: 'grid2@chatroom' }))).toEqual([STAFF_ONLY]);
    }
    expect(snapshot()).toBe(before);
  });
});

describe('residents act only on their own orders', () => {
  it('cannot cancel or rate someone else\'s order, and a bare digit rates nothing of theirs', async () => {
    const { say, snapshot } = await community();
    const before = snapshot();
    expect(texts(await say('res-zhao', '取消 #1'))).toEqual(['#1 不是您提交的,无法操作。']);
    expect(texts(await say('res-zhao', '评价 #5 1 很差'))).toEqual(['#5 不是您提交的,无法操作。']);
    expect(texts(await say('res-zhao', '1'))).toEqual([]);
    expect(texts(await say('res-wang', '完成 #1'))[0]).toMatch(/只有接单的志愿者/);
    expect(snapshot()).toBe(before);
  });

  it('can cancel and rate their own', async () => {
    const { say, store } = await community();
    expect(texts(await say('res-wang', '取消 #1'))[0]).toBe('#1 已取消。');
    expect(texts(await say('res-qian', '5'))[0]).toContain('#5 已回访(5分)');
    expect(store.get<Order>('orders', '1')!.status).toBe('cancelled');
    expect(store.get<Order>('orders', '5')!.status).toBe('followed_up');
  });
});

describe('display names', () => {
  it('are cleaned of control and bidi characters and capped before they reach a post', async () => {
    const { say, store } = await community();
    const name = '\u202E王阿姨\u0000\u200B' + '很长'.repeat(100);
    const out = await say('res-new', REPAIR('507', '13812340000'), { talkerName: name });
    const o = [...store.values<Order>('orders')].find((x) => x.residentId === 'res-new')!;
    expect(o.residentName.startsWith('王阿姨很长')).toBe(true);
    expect(o.residentName.length).toBeLessThanOrEqual(32);
    expect(o.residentName).not.toMatch(/[\u202E\u0000\u200B]/);
    for (const t of texts(out)) expect(t).not.toMatch(/[\u202E\u0000\u200B]/);
  });
});
