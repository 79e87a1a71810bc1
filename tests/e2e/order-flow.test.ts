import { runScript, botTexts, botLines, G1, STAFF, tmpDir } from '../helpers/sim.js';
import { JournalStore } from '../../src/adapters/store/journal-store.js';
import type { Order } from '../../src/core/model.js';
import type { ScriptStep } from '../../src/adapters/wechaty/simulator.js';

const REQUEST = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

describe('through Wechaty and puppet-mock', () => {
  it('takes a request, settles a claim race, completes and takes the rating', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'vol-zhang', room: G1, text: '接单 #1' },
      { from: 'vol-li', room: G1, text: '接单 #1' },
      { from: 'vol-zhang', room: G1, text: '完成 #1 换了阀门' },
      { from: 'res-wang', room: G1, text: '5' },
    ]);
    const group = botTexts(sim.transcript, G1);
    expect(group[0]).toMatch(/^已登记 #1/);
    expect(group).toContain('@王阿姨 #1 已由张师傅接单,志愿者会私信联系您。');
    expect(group).toContain('#1 已由张师傅接单,谢谢您!');
    expect(group).toContain('谢谢您的评价!#1 已回访(5分)。');
    const priv = botLines(sim.transcript).filter((l) => l.room === null);
    expect(priv).toHaveLength(1);
    expect(priv[0]).toMatchObject({ to: 'vol-zhang', bot: true });
    expect(priv[0]!.text).toContain('13812345678');
    for (const l of botLines(sim.transcript).filter((x) => x.room === G1)) expect(l.text).not.toMatch(/13812345678|501/);
    const o = sim.store.get<Order>('orders', '1')!;
    expect(o).toMatchObject({ status: 'followed_up', claimerId: 'vol-zhang', rating: 5 });
  });

  it('refuses staff commands from a resident renamed to a staff member\'s name', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'res-fake', name: '刘书记', room: G1, text: '/关闭 #1' },
      { from: 'res-fake', name: '刘书记', room: G1, text: '/派单 #1 @张师傅' },
    ]);
    expect(botTexts(sim.transcript, G1).slice(-2)).toEqual(['这个指令只有社区工作人员可以使用。', '这个指令只有社区工作人员可以使用。']);
    expect(sim.store.get<Order>('orders', '1')!.status).toBe('dispatched');
  });

  it('says nothing to chat', async () => {
    const sim = await runScript([
      { from: 'res-a', name: '老张', room: G1, text: '早上好' },
      { from: 'res-b', name: '小刘', room: G1, text: '收到' },
      { from: 'res-c', name: '李奶奶', room: G1, text: '[玫瑰][玫瑰]' },
      { from: 'res-a', room: G1, text: '今天天气真好' },
    ]);
    expect(botLines(sim.transcript)).toEqual([]);
  });

  it('loses and duplicates nothing across a restart on the same data', async () => {
    const dataDir = tmpDir();
    const script: ScriptStep[] = [
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'res-zhao', name: '赵大爷', room: G1, text: '帮我代缴下这个月电费 5号楼1单元202' },
      { restart: true },
      { from: 'vol-zhang', room: G1, text: '接单 #1' },
      { from: 'res-li', name: '李奶奶', room: G1, text: '7号楼3单元马桶堵了 麻烦来人看看' },
      { restart: true },
      { from: 'staff-liu', room: STAFF, text: '/待办' },
    ];
    const sim = await runScript(script, { dataDir });
    const staff = botTexts(sim.transcript, STAFF).at(-1)!;
    expect(staff).toMatch(/^全社区待办3件/);
    const store = await JournalStore.open(dataDir, { readOnly: true });
    const orders = [...store.values<Order>('orders')];
    expect(orders.map((o) => o.id).sort()).toEqual([1, 2, 3]);
    expect(orders.find((o) => o.id === 1)!.claimerId).toBe('vol-zhang');
    expect(store.size('outbox')).toBe(0);
    // Each acknowledgement went out exactly once.
    expect(botTexts(sim.transcript).filter((t) => t.startsWith('已登记'))).toHaveLength(3);
  });

  it('lets residents request privately', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: '大家好' },
      { from: 'res-wang', to: 'bot', text: REQUEST },
    ]);
    const toWang = botLines(sim.transcript).filter((l) => l.to === 'res-wang');
    expect(toWang[0]!.text).toMatch(/^已登记 #1/);
    expect(sim.store.get<Order>('orders', '1')!.gridId).toBe('g1');
  });
});
