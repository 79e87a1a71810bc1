import { runScript, botLines, botTexts, G1, STAFF } from '../helpers/sim.js';

const REQUEST = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

describe('staff tools through Wechaty and puppet-mock', () => {
  it('sends /导出 as an xlsx file in a private chat with the staff member who asked', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'vol-zhang', room: G1, text: '接单 #1' },
      { from: 'vol-zhang', room: G1, text: '完成 #1 换了阀门' },
      { from: 'res-wang', room: G1, text: '5' },
      { from: 'staff-liu', room: STAFF, text: '/导出 本月' },
    ]);
    const toLiu = botLines(sim.transcript).filter((l) => l.room === null && l.to === 'staff-liu');
    expect(toLiu.map((l) => l.text)).toEqual(['台账:本月(06-01—06-30),共1单。含居民个人信息,请勿转发到群里。', '[文件] 台账-2026-06.xlsx']);
    expect(botTexts(sim.transcript, STAFF).at(-1)).toBe('台账已私信发给刘书记。');
    // No file and no personal data in any group.
    for (const l of botLines(sim.transcript).filter((x) => x.room !== null)) expect(l.text).not.toMatch(/\[文件\]|13812345678|501/);
    expect(sim.store.size('outbox')).toBe(0);
  });

  it('answers 积分 privately and /统计 in the staff room', async () => {
    const sim = await runScript([
      { from: 'res-wang', name: '王阿姨', room: G1, text: REQUEST },
      { from: 'vol-zhang', room: G1, text: '接单 #1' },
      { from: 'vol-zhang', room: G1, text: '完成 #1' },
      { from: 'staff-liu', room: STAFF, text: '/加分 @张师傅 3 主动帮邻居' },
      { from: 'vol-zhang', room: G1, text: '积分' },
      { from: 'staff-liu', room: STAFF, text: '/统计 本周' },
    ]);
    const toZhang = botLines(sim.transcript).filter((l) => l.to === 'vol-zhang').map((l) => l.text);
    expect(toZhang).toContain('刘书记给您加3分:主动帮邻居。您本年度积分 55,发送「积分」查看明细。');
    expect(toZhang.at(-1)).toMatch(/^张师傅\(志愿者\)2026年度积分 55\n/);
    expect(botTexts(sim.transcript, G1).some((t) => t.includes('积分'))).toBe(false);
    expect(botTexts(sim.transcript, STAFF).at(-1)).toMatch(/^本周\(06-08—06-14\)统计\n新单1:办结1/);
  });
});
