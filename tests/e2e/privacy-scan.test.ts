/**
 * A long scripted session through Wechaty and puppet-mock; every line the bot posts to a grid
 * group is scanned for phone numbers, ID numbers and room numbers, and every log line for
 * personal data. Full details must still reach the claimer privately and the staff room.
 */
import { Simulator, type ScriptStep } from '../../src/adapters/wechaty/simulator.js';
import { createLogger } from '../../src/adapters/log.js';
import { demoConfig } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/sim.js';

const G1 = 'grid1@chatroom';
const G2 = 'grid2@chatroom';
const STAFF = 'staff@chatroom';
const ROOMS = ['501', '502', '302', '1102', '203', '404', '606'];
const PHONES = ['13812345678', '13900001111', '13700002222', '15811112222', '18633334444'];

const session: ScriptStep[] = [
  { at: '2026-06-10T08:00:00+08:00' },
  { from: 'res-wang', name: '王阿姨13812345678', room: G1, text: '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678' },
  { from: 'res-zhao', name: '赵大爷', room: G1, text: '帮我代缴下这个月电费 5号楼1单元502 电话139 0000 1111' },
  { from: 'res-li', name: '李奶奶', room: G1, text: '帮我办下身份证补办 身份证号110101199003071234 7号楼302' },
  { from: 'res-qian', name: '钱叔', room: G2, text: '3-2-1102马桶堵了 麻烦来人看看 13700002222' },
  { from: 'res-sun', name: '孙大妈', room: G2, text: '203室水管漏水 能来人看看吗 联系158-1111-2222' },
  { from: 'res-zhou', to: 'bot', text: '3号楼4单元404厨房水管漏了 能来人看看吗 18633334444' },
  { from: 'vol-zhang', room: G1, text: '接单 #1' },
  { from: 'vol-li', room: G1, text: '接单 #1' },
  { from: 'vol-zheng', room: G1, text: '接单 #2' },
  { from: 'staff-liu', room: G1, text: '/查 #1' },
  { from: 'staff-liu', room: STAFF, text: '/查 #1' },
  { from: 'staff-liu', room: G1, text: '/待办' },
  { from: 'staff-liu', room: STAFF, text: '/受理 #3' },
  { from: 'vol-zhang', room: G1, text: '开始 #1' },
  { at: '2026-06-10T10:00:00+08:00' },
  { from: 'vol-zhang', room: G1, text: '完成 #1 换了阀门 住户13812345678已确认 501室' },
  { from: 'res-wang', room: G1, text: '5' },
  { from: 'vol-feng', room: G2, text: '接单 #4' },
  { from: 'vol-feng', room: G2, text: '放弃 #4 临时有事' },
  { from: 'vol-li', room: G2, text: '接单 #4' },
  { from: 'staff-liu', room: STAFF, text: '/驳回 #5 已由物业处理,有事打物业13900001111或0351-1234567' },
  { restart: true },
  { from: 'res-sun', room: G2, text: '/帮助' },
  { from: 'res-fake', name: '刘书记', room: G2, text: '/查 #4' },
  { from: 'res-fake', name: '刘书记', room: G2, text: '/派单 #4 @冯师傅' },
  { from: 'wk-wang', room: G2, text: '/查 #4' },
  { from: 'res-wang', room: G1, text: '6号楼1单元606 水管又漏了 能来人看看吗 13812345678' },
  { from: 'res-wang', room: G1, text: '取消 #7' },
  { from: 'staff-liu', room: G1, text: '/重开 #1 又漏了' },
  { from: 'vol-zhang', room: G1, text: '接单 #1' },
  { from: 'vol-zhang', room: G1, text: '完成 #1' },
  { from: 'res-wang', room: G1, text: '评价 #1 2 还是漏 我电话13812345678' },
  { from: 'staff-liu', room: G2, text: '/待办' },
  { from: 'staff-liu', room: STAFF, text: '/待办' },
  { from: 'res-x', name: '路人', room: G1, text: '@网格助手 你好' },
  { from: 'res-x', room: G1, text: '/飞 501 13812345678' },
];

describe('privacy in a long session', () => {
  it('no group post carries a phone, an ID number or a room number; full details go privately; logs carry none', async () => {
    const logs: string[] = [];
    const sim = await Simulator.create({
      config: demoConfig(),
      dataDir: tmpDir(),
      script: session,
      startAt: Date.parse('2026-06-10T08:00:00+08:00'),
      log: createLogger('debug', (l) => logs.push(l.replace(/^\S+ /, ''))),
    });
    try {
      await sim.playAll(session);
    } finally {
      await sim.stop();
    }
    const bot = sim.transcript.filter((l) => l.bot);
    const group = bot.filter((l) => l.room && l.room !== STAFF);
    expect(group.length).toBeGreaterThan(25);
    for (const l of group) {
      expect([l.text, l.text]).not.toEqual([l.text, expect.stringMatching(/(?<!\d)1[3-9]\d{9}(?!\d)|1[3-9]\d[ -]\d{4}[ -]\d{4}/)]);
      expect(l.text).not.toMatch(/\d{17}[\dXx]/);
      expect(l.text).not.toMatch(/0351-?1234567/);
      for (const r of ROOMS) expect([r, l.text]).not.toEqual([r, expect.stringMatching(new RegExp(`(?<!\\d)${r}(?!\\d)`))]);
    }
    // The claimer got the full details privately; the staff room sees them too.
    const toZhang = bot.filter((l) => l.room === null && l.to === 'vol-zhang').map((l) => l.text).join('\n');
    expect(toZhang).toContain('13812345678');
    expect(toZhang).toContain('501');
    const staffView = bot.filter((l) => l.room === STAFF).map((l) => l.text).join('\n');
    expect(staffView).toContain('13812345678');
    // The resident's phone in her display name is masked where the group reads it.
    expect(group.some((l) => l.text.includes('@王阿姨138****5678'))).toBe(true);
    // Logs: ids, not personal data.
    for (const line of logs) {
      expect(line).not.toMatch(/1[3-9]\d{9}|\d+号楼|\d+单元/);
      for (const r of ROOMS) expect(line).not.toMatch(new RegExp(`(?<!\\d)${r}(?!\\d)`));
    }
    for (const p of PHONES) expect(logs.join('\n')).not.toContain(p);
  });
});
