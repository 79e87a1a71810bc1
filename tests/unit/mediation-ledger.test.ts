import ExcelJS from 'exceljs';
import { testApp, texts, to } from '../helpers/fixtures.js';
import { installFeatures } from '../../src/app/features.js';
import { casesSheet, caseRow } from '../../src/app/mediation-ledger.js';
import { StaffData } from '../../src/app/staff-data.js';
import { localClock } from '../../src/core/local-clock.js';
import { ALL_TIME } from '../../src/core/period.js';
import type { MediationCase } from '../../src/core/mediation.js';
import type { Reply } from '../../src/app/ports.js';

const G1 = 'grid1@chatroom';
const STAFF = 'staff@chatroom';
const H = 3_600_000;
const clock = localClock('Asia/Shanghai');

/** Three cases: #M1 climbed twice and was agreed and confirmed, #M2 failed, #M3 open. */
async function world() {
  const t = testApp();
  installFeatures(t.app);
  const t0 = t.clock.t;
  await t.say('res-wang', '对门把鞋柜和杂物堆在楼道里 说了好几次都不听 请社区协调一下 13812345678', { talkerName: '王阿姨' });
  await t.say('head-zhou', '/调解 #M1 上门 对门答应周末前清理', { roomId: null });
  t.clock.t = t0 + 48 * H + 1000;
  await t.app.runDueJobs(t.clock.t);
  await t.say('wk-li', '/升级 #M1 需要社区出面');
  await t.say('med-gao', '/结案 #M1 达成一致 周六前清理楼道杂物', { roomId: null });
  await t.say('res-li', '楼上天天半夜吵 能不能帮我们协调一下', { talkerName: '李奶奶' });
  await t.say('head-qin', '/结案 #M2 未达成 对方不开门', { roomId: null });
  await t.say('res-zhao', '隔壁装修天天早上七点就开始砸墙 说了也不听 能不能帮忙协调一下', { talkerName: '赵大爷', roomId: 'grid2@chatroom' });
  t.clock.t += 7 * 24 * H;
  await t.app.runDueJobs(t.clock.t);
  await t.say('res-wang', '是的', { roomId: null, talkerName: '王阿姨' });
  return t;
}

async function readXlsx(r: Reply) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.file!.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('the ledger\'s sheet of mediation cases (调解台账)', () => {
  it('has one row per case, with the complainant, the climbs, the outcome and the follow-up', async () => {
    const { store, config } = await world();
    const data = new StaffData(config, store);
    const sheet = casesSheet.build({ config, store, period: ALL_TIME, clock, names: data.names });
    expect(sheet.name).toBe('调解台账');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '编号', '网格', '当事人', '电话', '反映内容', '登记时间', '受理级别', '当前级别', '状态', '调解次数', '升级经过', '调解人',
      '结案时间', '结果', '约定/未达成原因', '回访时间', '回访结果', '经过',
    ]);
    const [one, two, three] = [...sheet.rows];
    const c1 = store.get<MediationCase>('cases', '1')!;
    expect(one!.slice(0, 5)).toEqual(['#M1', '一网格', '王阿姨', '13812345678', c1.text]);
    expect(one![5]).toEqual({ at: c1.createdAt });
    expect(one!.slice(6, 12)).toEqual(['楼栋调解', '社区调解', '已回访·约定已落实', 1, '楼栋调解→网格调解(超时)→社区调解', '周楼长、高调解员']);
    expect(one!.slice(13, 15)).toEqual(['达成一致', '周六前清理楼道杂物']);
    expect(one![16]).toBe('已落实');
    expect(one![17]).toMatch(/^2026-06-10 09:30 登记 王阿姨; 2026-06-10 09:30 调解\(上门\) 周楼长:对门答应周末前清理; 2026-06-12 09:30 升级 系统:超过楼栋调解时限; .*回访·已落实 王阿姨$/);
    expect(two!.slice(0, 3)).toEqual(['#M2', '一网格', '李奶奶']);
    expect(two!.slice(8, 15)).toEqual(['未达成一致', 0, '楼栋调解', '秦楼长', expect.objectContaining({ at: expect.any(Number) }), '未达成', '对方不开门']);
    expect(three!.slice(0, 3)).toEqual(['#M3', '二网格', '赵大爷']);
    expect(three!.slice(12, 17)).toEqual([null, '', '', null, '']);
  });

  it('takes only cases opened in the period', async () => {
    const { store, config } = await world();
    const data = new StaffData(config, store);
    const later = { from: Date.parse('2026-06-13T00:00:00+08:00'), to: Date.parse('2026-07-01T00:00:00+08:00') };
    expect([...casesSheet.build({ config, store, period: later, clock, names: data.names }).rows]).toEqual([]);
  });

  it('goes out with /导出 as the third sheet of the ledger file, privately', async () => {
    const t = await world();
    // The staff tools export a period only when it has orders.
    await t.say('res-li', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678', { talkerName: '李奶奶' });
    const out = await t.say('staff-liu', '/导出 本月', { roomId: STAFF, talkerName: '刘书记' });
    const file = out.find((r) => r.file)!;
    expect(file.to).toEqual({ contactId: 'staff-liu' });
    const wb = await readXlsx(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工单台账', '汇总', '调解台账', '房东报备']);
    const [header, ...data] = rows(wb.getWorksheet('调解台账')!);
    expect(header![0]).toBe('编号');
    expect(data.map((r) => r[0])).toEqual(['#M1', '#M2', '#M3']);
    // Excel has no zones: times are the community's wall clock.
    expect(data[0]![5]).toEqual(clock.wallDate(t.store.get<MediationCase>('cases', '1')!.createdAt));
    for (const r of to(out, G1)) expect(r.text).not.toMatch(/13812345678/);
    expect(texts(to(out, STAFF))).toEqual(['台账已私信发给刘书记。']);
  });

  it('writes a row from a case alone', () => {
    const config = testApp().config;
    const names = { nameOf: (id: string) => id, gridName: () => '一网格', categoryName: (k: string) => k, groupOf: () => 'livelihood' as const };
    const c: MediationCase = {
      id: 9, gridId: 'g1', roomId: null, complainantId: 'res-x', complainantName: '某居民', text: '楼上漏水', summary: '楼上漏水', phone: null,
      status: 'open', level: 0, levelSince: 0, createdAt: 0, updatedAt: 0, outcome: null, closedAt: null, followUpAskedAt: null, overdueNotifiedAt: null,
      history: [{ action: 'open', from: null, to: 'open', by: 'res-x', at: 0, level: 0 }],
    };
    const row = caseRow(c, { config, clock, names });
    expect(row.slice(0, 4)).toEqual(['#M9', '一网格', '某居民', '']);
    expect(row[10]).toBe('楼栋调解');
  });
});
