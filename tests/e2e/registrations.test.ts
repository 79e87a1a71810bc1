import fs from 'node:fs';
import path from 'node:path';
import { runScript, botLines, botTexts, G1, STAFF, tmpDir } from '../helpers/sim.js';
import { JournalStore } from '../../src/adapters/store/journal-store.js';
import { registrationsConfig } from '../helpers/registrations.js';
import type { Registration } from '../../src/core/tenant-registration-rules.js';
import type { StarApplication, StarHousehold } from '../../src/core/star-households.js';

const LANDLORDS = 'landlords@chatroom';
const FULL_ID = '110101199003071234';

describe('tenant registration through Wechaty and puppet-mock', () => {
  it('registers a landlord\'s report, asks for what is missing, and never stores a full ID number', async () => {
    const dataDir = tmpDir();
    const sim = await runScript(
      [
        { at: '2026-06-10T18:00:00+08:00' },
        { from: 'll-wang', room: LANDLORDS, text: '今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 9号楼2单元301' },
        { from: 'll-li', room: LANDLORDS, text: `今天入住1人 陈某 身份证${FULL_ID}` },
        { from: 'll-li', room: LANDLORDS, text: '住两晚' },
        { from: 'll-zhao', room: LANDLORDS, text: '今日无入住' },
        { from: 'll-zhao', room: LANDLORDS, text: '收到' },
      ],
      { dataDir },
    );
    const room = botTexts(sim.transcript, LANDLORDS);
    expect(room).toEqual([
      '@王房东 已登记:6月10日入住2人(张*、李*;身份证尾号**34、**78),住3晚,9号楼2单元。',
      '@李房东 已登记:6月10日入住1人(陈*;身份证尾号**34),11号楼1单元。还缺:住几晚,直接回复即可。为保护客人信息,完整身份证号不登记,只记后四位;请撤回含完整号码的那条消息,以后只发后四位即可。',
      '@李房东 已补充:6月10日入住1人(陈*;身份证尾号**34),住2晚,11号楼1单元。',
      '@赵房东 已登记:6月10日无入住。谢谢。',
    ]);
    const store = await JournalStore.open(dataDir, { readOnly: true });
    const regs = [...store.values<Registration>('registrations')];
    expect(regs.map((r) => [r.landlordId, r.guests, r.nights, r.idTails])).toEqual([
      ['ll-wang', 2, 3, ['1234', '5678']],
      ['ll-li', 1, 2, ['1234']],
      ['ll-zhao', 0, null, []],
    ]);
    await store.close();
    // The full number reached the bot, but no file it writes holds it (the files do hold the report: 陈某).
    const files = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f), 'utf8'));
    expect(files.some((t) => t.includes('陈某'))).toBe(true);
    for (const t of files) expect(t).not.toContain(FULL_ID);
    expect(botLines(sim.transcript).some((l) => l.text.includes(FULL_ID))).toBe(false);
  });

  it('reminds a landlord who forgets at 20:00, privately, and lists them for staff the next morning', async () => {
    const sim = await runScript([
      { at: '2026-06-10T10:00:00+08:00' },
      { from: 'll-wang', room: LANDLORDS, text: '今日无入住' },
      { from: 'll-li', room: LANDLORDS, text: '今天入住1人 陈某 尾号 4321 住1晚' },
      { at: '2026-06-10T20:05:00+08:00' },
      { at: '2026-06-11T08:05:00+08:00' },
    ]);
    const toZhao = botLines(sim.transcript).filter((l) => l.to === 'll-zhao');
    expect(toZhao).toHaveLength(1);
    expect(toZhao[0]!.text).toContain('赵房东您好,今天(6月10日)还没有收到您的日租房报备');
    expect(toZhao[0]!.at).toBe('2026-06-10T20:00:00+08:00');
    expect(botLines(sim.transcript).filter((l) => l.to === 'll-wang' || l.to === 'll-li')).toEqual([]);
    expect(botTexts(sim.transcript, STAFF)).toContain('6月10日房东报备:2/3户已报,入住1人。未报备:赵房东(7号楼3单元201)。');
  });
});

describe('star-rated households through Wechaty and puppet-mock', () => {
  it('takes an application through 报 → 审 → 晒 → 定', async () => {
    const dataDir = tmpDir();
    const sim = await runScript(
      [
        { at: '2026-06-10T10:00:00+08:00' },
        { from: 'res-li', name: '李秀兰', room: G1, text: '申报 孝老爱亲星 12号楼1单元602 李秀兰家' },
        { from: 'staff-liu', room: STAFF, text: '/评审 #S1 通过' },
        { from: 'staff-liu', room: STAFF, text: '/公示' },
        { from: 'res-zhao', name: '赵大爷', to: 'bot', text: '异议 #S1 她家常把垃圾堆在楼道' },
        { from: 'staff-liu', room: STAFF, text: '/定星 #S1' },
        { at: '2026-06-17T11:00:00+08:00' },
        { from: 'staff-liu', room: STAFF, text: '/定星 #S1' },
        { from: 'staff-liu', room: STAFF, text: '/星级 统计' },
      ],
      // Without the schedule's digests and summaries: only what the four steps post.
      { dataDir, config: registrationsConfig() },
    );
    const group = botTexts(sim.transcript, G1);
    expect(group[0]).toBe('已收到 #S1:12号楼1单元 李秀兰家 申报「孝老爱亲星」,社区评审后会在群里公示。');
    expect(group[1]).toMatch(/^【星级文明户公示】.*公示7天\(至6月17日\):\n#S1 12号楼1单元 李秀兰家 孝老爱亲星/s);
    expect(group[2]).toBe('经评审公示,12号楼1单元 李秀兰家 获评「孝老爱亲星」,现为一星级文明户。祝贺!');
    expect(group.join('\n')).not.toContain('垃圾');
    const staff = botTexts(sim.transcript, STAFF);
    expect(staff).toContain('#S1(12号楼1单元602 李秀兰家 「孝老爱亲星」)收到异议,来自赵大爷:她家常把垃圾堆在楼道');
    expect(staff).toContain('#S1 公示期至6月17日 10:00,期满后再定星。');
    expect(staff).toContain('#S1(12号楼1单元602 李秀兰家 「孝老爱亲星」)公示期满,收到异议1条。回复「/定星 #S1」定星,或「/评审 #S1 不通过 原因」。');
    expect(staff.at(-1)).toMatch(/^星级文明户共1户:五星级0户、四星级0户、三星级0户、二星级0户、一星级1户,占滨河北路社区总户数的0\.1%。/);
    expect(botTexts(sim.transcript, 'res-zhao')).toEqual(['您对 #S1 的意见已转社区工作人员,谢谢。']);
    const store = await JournalStore.open(dataDir, { readOnly: true });
    expect(store.get<StarApplication>('starApplications', '1')!.history.map((h) => h.action)).toEqual(['apply', 'approve', 'publicise', 'object', 'finalise']);
    expect(store.get<StarHousehold>('starHouseholds', '12-1-602')!.stars).toEqual(['filial']);
    await store.close();
  });
});

describe('party-member links through Wechaty and puppet-mock', () => {
  it('tells a linked member privately when their household opens an order', async () => {
    const sim = await runScript([
      { from: 'res-qian', name: '钱阿姨', room: G1, text: '12号楼1单元602厨房水管漏了 能来人看看吗 13812345678' },
      { from: 'pm-guo', to: 'bot', text: '走访 12号楼1单元602 已上门' },
    ]);
    const toGuo = botTexts(sim.transcript, 'pm-guo');
    expect(toGuo[0]).toMatch(/^您包联的住户 12号楼1单元602\(钱阿姨\)提交了 #1 家庭维修:/);
    expect(toGuo[1]).toBe('已记录走访 12号楼1单元602(已上门)。本月还有3户未走访。');
    expect(botTexts(sim.transcript, G1)[0]).toMatch(/^已登记 #1/);
    expect(botTexts(sim.transcript, 'pm-ma')).toEqual([]);
  });
});
