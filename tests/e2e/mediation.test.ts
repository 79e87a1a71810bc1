import type { ScriptStep, TranscriptLine } from '../../src/adapters/wechaty/simulator.js';
import type { MediationCase } from '../../src/core/mediation.js';
import { demoConfig } from '../helpers/fixtures.js';
import { botLines, botTexts, G1, runScript, STAFF } from '../helpers/sim.js';

/** The demo config without the schedule's digests and summaries, so the transcript shows this feature's posts. */
const withoutDigests = () =>
  demoConfig((raw) => {
    const s = raw.schedule as Record<string, { enabled: boolean }>;
    for (const k of ['morningDigest', 'eveningSummary', 'weeklySummary']) s[k]!.enabled = false;
    delete raw.registration; // nor the landlords' daily lists (tenant registration)
  });

const privateTo = (t: TranscriptLine[], id: string) => botLines(t).filter((l) => l.room === null && l.to === id).map((l) => l.text);

// Needs the full message parser (intent 'dispute'); the placeholder parser never reads a dispute.
describe('a neighbours\' dispute through Wechaty and puppet-mock', () => {
  it('opens a case, climbs two levels (by time, then by hand) and closes with an agreement that holds, across a restart', async () => {
    const steps: ScriptStep[] = [
      { at: '2026-06-10T09:30:00+08:00' },
      { from: 'res-wang', name: '王阿姨', room: G1, text: '对门把鞋柜和杂物堆在楼道里 说了好几次都不听 请社区协调一下 13812345678' },
      { from: 'head-zhou', name: '周楼长', to: 'bot', text: '/调解 #M1 上门 对门答应周末前清理杂物' },
      { restart: true },
      // Two days at the building level without an agreement: the grid takes it over.
      { at: '2026-06-12T09:31:00+08:00' },
      { from: 'wk-li', room: G1, text: '/调解 #M1 电话 对门说杂物是临时放的' },
      { from: 'wk-li', to: 'bot', text: '/升级 #M1 需要社区出面' },
      { from: 'med-gao', name: '高调解员', to: 'bot', text: '/结案 #M1 达成一致 对门本周六前清理楼道杂物,鞋柜移回屋内' },
      { from: 'staff-liu', room: STAFF, text: '/调解 #M1' },
      // A week later the complainant is asked whether it held.
      { at: '2026-06-19T10:00:00+08:00' },
      { from: 'res-wang', to: 'bot', text: '是的' },
    ];
    const sim = await runScript(steps, { config: withoutDigests() });
    const t = sim.transcript;

    // The group sees one neutral line: the case number, nothing about the matter or the other party.
    expect(botTexts(t, G1)).toEqual(['@王阿姨 已收到,登记为调解事项 #M1,调解员会私下联系您。', '#M1 已记录第2次调解。']);
    expect(sim.store.size('orders')).toBe(0);

    // The complainant hears every step privately.
    expect(privateTo(t, 'res-wang')).toEqual([
      expect.stringMatching(/^您反映的情况已登记为调解事项 #M1\(楼栋调解\):「对门把鞋柜和杂物堆在楼道里.*调解员周楼长、秦楼长会尽快联系您/),
      '您的调解事项 #M1 已转到网格调解,调解员网格员小李、赵网格长会联系您。',
      '您的调解事项 #M1 已转到社区调解,调解员高调解员、何委员会联系您。',
      '您的调解事项 #M1 已达成一致:「对门本周六前清理楼道杂物,鞋柜移回屋内」。7天后会问您约定是否落实。',
      '您好,调解事项 #M1 约定的「对门本周六前清理楼道杂物,鞋柜移回屋内」落实了吗?请回复「是」或「否」,也可以说说现在的情况。',
      '谢谢您的反馈!调解事项 #M1 已回访:约定已落实。',
    ]);

    // Each level's mediators get the details privately when the case reaches them.
    for (const id of ['head-zhou', 'head-qin']) expect(privateTo(t, id)[0]).toMatch(/^#M1 新调解事项\(一网格·楼栋调解,限2天\):王阿姨 13812345678 反映「对门把鞋柜/);
    for (const id of ['wk-li', 'chief-zhao']) expect(privateTo(t, id)[0]).toMatch(/^#M1 转到本级的调解事项\(一网格·网格调解,限3天\).*\n经过:.*调解\(上门\) 周楼长:对门答应周末前清理杂物/s);
    for (const id of ['med-gao', 'staff-he']) expect(privateTo(t, id)[0]).toMatch(/^#M1 转到本级的调解事项\(一网格·社区调解,限7天\).*调解\(电话\) 网格员小李.*升级 网格员小李:需要社区出面/s);
    expect(privateTo(t, 'med-gao')[1]).toBe('#M1 已结案:达成一致。7天后回访当事人。');

    // Staff follow it in the staff room, and can read the whole record there.
    const staff = botTexts(t, STAFF);
    expect(staff.slice(0, 4)).toEqual([
      '#M1 新调解事项(一网格),交楼栋调解:周楼长、秦楼长。详情:/调解 #M1',
      '#M1 已从楼栋调解转到网格调解(楼栋调解超过2天未达成一致)。',
      '#M1 已从网格调解转到社区调解(原因:需要社区出面)。',
      '#M1 已在社区调解结案:达成一致。',
    ]);
    expect(staff[4]).toMatch(/^#M1 已达成一致 · 一网格 · 社区调解/);

    // Nothing personal reached a group.
    for (const l of botLines(t).filter((x) => x.room === G1)) expect(l.text).not.toMatch(/13812345678|鞋柜|杂物|对门/);

    const c = sim.store.get<MediationCase>('cases', '1')!;
    expect(c).toMatchObject({ status: 'held', level: 2, complainantId: 'res-wang', outcome: '对门本周六前清理楼道杂物,鞋柜移回屋内' });
    expect(c.history.map((h) => [h.action, h.by, h.level])).toEqual([
      ['open', 'res-wang', 0],
      ['attempt', 'head-zhou', 0],
      ['escalate', 'bot', 1],
      ['attempt', 'wk-li', 1],
      ['escalate', 'wk-li', 2],
      ['agree', 'med-gao', 2],
      ['ask', 'bot', 2],
      ['confirm', 'res-wang', 2],
    ]);
    expect(sim.store.size('outbox')).toBe(0);
  });
});
