import ExcelJS from 'exceljs';
import { testApp, texts, to } from '../helpers/fixtures.js';
import { installFeatures } from '../../src/app/features.js';
import { StaffTools } from '../../src/app/features/staff-tools.js';
import { StaffData } from '../../src/app/staff-data.js';
import { localClock } from '../../src/core/local-clock.js';
import { namedPeriod } from '../../src/core/period.js';
import { computeStats } from '../../src/core/stats.js';
import type { Reply } from '../../src/app/ports.js';
import type { Order } from '../../src/core/model.js';
import type { ManualPoints } from '../../src/core/points.js';

const G1 = 'grid1@chatroom';
const STAFF = 'staff@chatroom';
const REPAIR = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';
const BILL = '帮我代缴下这个月电费 5号楼1单元202';
const clock = localClock('Asia/Shanghai');

/** Two orders: #1 repaired by 张师傅 and rated 2, #2 a bill claimed by 郑小伟. */
async function world(limits?: ConstructorParameters<typeof StaffTools>[1]) {
  const t = testApp();
  if (limits) t.app.use(new StaffTools(t.app, limits));
  else installFeatures(t.app);
  await t.say('res-wang', REPAIR, { talkerName: '王阿姨' });
  await t.say('vol-zhang', '接单 #1');
  t.clock.t += 90 * 60_000;
  await t.say('vol-zhang', '完成 #1 换了阀门');
  await t.say('res-wang', '评价 #1 2 态度不好', { talkerName: '王阿姨' });
  await t.say('res-zhao', BILL, { talkerName: '赵大爷' });
  await t.say('vol-zheng', '接单 #2');
  const staff = (text: string, opts: Parameters<typeof t.say>[2] = {}) => t.say('staff-liu', text, { roomId: STAFF, talkerName: '刘书记', ...opts });
  return { ...t, staff };
}

const files = (rs: Reply[]) => rs.filter((r) => r.file);

async function readXlsx(r: Reply) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.file!.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as arrays of cell values (header first, column A first). */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('/导出: the ledger as an xlsx file, privately to the staff member', () => {
  it('sends the file privately and says so in the staff room, without data', async () => {
    const { staff } = await world();
    const out = await staff('/导出 本月');
    const file = files(out);
    expect(file).toHaveLength(1);
    expect(file[0]!.to).toEqual({ contactId: 'staff-liu' });
    expect(file[0]!.file!.name).toBe('台账-2026-06.xlsx');
    expect(file[0]!.text).toBe('[文件] 台账-2026-06.xlsx');
    expect(texts(to(out, 'staff-liu'))[0]).toBe('台账:本月(06-01—06-30),共2单。含居民个人信息,请勿转发到群里。');
    expect(texts(to(out, STAFF))).toEqual(['台账已私信发给刘书记。']);
    for (const r of out.filter((x) => 'roomId' in x.to)) expect(r.text).not.toMatch(/13812345678|501/);
  });

  it('keeps the file in the outbox like any reply until it is sent', async () => {
    const { staff, store, app } = await world();
    const [caption, file] = (await staff('/导出 本月', { roomId: null })).filter((r) => 'contactId' in r.to);
    expect(caption!.file).toBeUndefined();
    const kept = store.get<Reply>('outbox', file!.id!)!;
    expect(kept.file!.base64).toBe(file!.file!.base64);
    await app.markSent(file!.id!);
    expect(store.get('outbox', file!.id!)).toBeUndefined();
  });

  it('writes one row per order, matching the store, with full personal data and every step\'s time', async () => {
    const { staff, store } = await world();
    const wb = await readXlsx(files(await staff('/导出 本月'))[0]!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工单台账', '汇总', '调解台账', '房东报备']);
    const [header, ...data] = rows(wb.worksheets[0]!);
    expect(header).toEqual([
      '编号', '网格', '类型', '服务分组', '类别', '居民', '地址', '电话', '诉求内容', '希望时间', '紧急',
      '委托时间', '受理时间', '派单时间', '接单时间', '开始办理', '办结时间', '上报时间', '回访时间', '驳回/取消/关闭时间',
      '受理人', '接单人', '接单用时(分钟)', '办结用时(小时)', '评分', '状态', '超时', '升级', '备注',
    ]);
    expect(data).toHaveLength(store.size('orders'));
    const col = (name: string) => (header as string[]).indexOf(name);
    for (const row of data) {
      const o = store.get<Order>('orders', String(row[col('编号')]))!;
      expect(row[col('居民')]).toBe(o.residentName);
      expect(row[col('诉求内容')]).toBe(o.text);
      // Excel has no zones: times are the community's wall clock.
      expect(row[col('委托时间')]).toEqual(clock.wallDate(o.createdAt));
      const claim = o.history.find((h) => h.action === 'claim')!;
      expect(row[col('接单时间')]).toEqual(clock.wallDate(claim.at));
      expect(row[col('接单用时(分钟)')]).toBeCloseTo((claim.at - o.createdAt) / 60_000, 1);
    }
    const one = data.find((r) => r[0] === 1)!;
    expect(one.slice(0, 9)).toEqual([1, '一网格', '服务', '生活服务', '家庭维修', '王阿姨', '3号楼2单元501', '13812345678', REPAIR]);
    expect(one[col('办结时间')]).toEqual(clock.wallDate(store.get<Order>('orders', '1')!.history.find((h) => h.action === 'resolve')!.at));
    expect([one[col('受理人')], one[col('接单人')], one[col('评分')], one[col('状态')]]).toEqual(['系统', '张师傅', 2, '已回访']);
    expect(one[col('备注')]).toBe('回复:换了阀门; 评价:态度不好; 待二次回访');
    const two = data.find((r) => r[0] === 2)!;
    expect([two[col('类型')], two[col('服务分组')], two[col('电话')], two[col('状态')], two[col('办结时间')]]).toEqual(['代办', '缴费服务', undefined, '已接单', undefined]);
  });

  it('summarises the period on the second sheet, as the statistics compute it', async () => {
    const { staff, store, config, clock: c } = await world();
    const wb = await readXlsx(files(await staff('/导出 本月'))[0]!);
    const summary = new Map(rows(wb.worksheets[1]!).map((r) => [r[0], r.slice(1)]));
    const data = new StaffData(config, store);
    const s = computeStats({ orders: data.orders(), period: namedPeriod('thisMonth', c.t, 'Asia/Shanghai'), now: c.t, config, groupOf: data.names.groupOf, escalated: new Set(), followUps: new Map() });
    expect(summary.get('时段')).toEqual(['本月(06-01—06-30)']);
    expect(summary.get('新单')![0]).toBe(s.created);
    expect(summary.get('已办结')![0]).toBe(s.finished);
    expect(summary.get('生活服务')![0]).toBe(s.byGroup.daily_life);
    expect(summary.get('缴费服务')![0]).toBe(s.byGroup.payment);
    expect(summary.get('一网格')).toEqual([2, 2, 1]);
    expect(summary.get('张师傅')).toEqual([1, 2, 1]);
    expect(summary.get('平均评分')).toEqual([2, undefined, 1]);
    expect(summary.get('待二次回访(全部)')![0]).toBe(1);
  });

  it('answers a private request privately, and a grid-group request with a line in the group', async () => {
    const { staff } = await world();
    const priv = await staff('/导出 本月', { roomId: null });
    expect(priv.every((r) => 'contactId' in r.to && r.to.contactId === 'staff-liu')).toBe(true);
    const grid = await staff('/导出 本周', { roomId: G1 });
    expect(files(grid)[0]!.to).toEqual({ contactId: 'staff-liu' });
    expect(files(grid)[0]!.file!.name).toBe('台账-2026-06-08至2026-06-14.xlsx');
    expect(texts(to(grid, G1))).toEqual(['台账已私信发给刘书记。']);
  });

  it('refuses others, bad periods, empty periods and files too big to send', async () => {
    const { say, staff } = await world();
    expect(texts(await say('vol-zhang', '/导出 本月', { roomId: G1 }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await say('res-fake', '/导出 本月', { roomId: G1, talkerName: '刘书记' }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await staff('/导出 下下月'))).toEqual(['没看懂时间段。可以写:本周、上周、本月、上月、今年,或 2026-06-01 2026-06-30。']);
    expect(texts(await staff('/导出 上月'))).toEqual(['上月(05-01—05-31)没有工单,未生成台账。']);
    const small = await world({ maxExportOrders: 1 });
    expect(texts(await small.staff('/导出 本月'))).toEqual(['本月(06-01—06-30)共2单,文件过大,请缩短时间段,或在服务器上用 npm run ledger 导出。']);
    const tiny = await world({ maxFileBytes: 1000 });
    const out = await tiny.staff('/导出 本月');
    expect(files(out)).toEqual([]);
    expect(texts(out)[0]).toBe('本月(06-01—06-30)共2单,文件过大(约0.1MB),请缩短时间段,或在服务器上用 npm run ledger 导出。');
  });
});

describe('/统计', () => {
  it('answers in the staff room, and privately when asked in a grid group', async () => {
    const { staff } = await world();
    const [room] = await staff('/统计 本周');
    expect(room!.to).toEqual({ roomId: STAFF });
    expect(room!.text.split('\n').slice(0, 3)).toEqual(['本周(06-08—06-14)统计', '新单2:办结1 · 在办1 · 驳回/取消/关闭0', '民生0 · 生活1 · 生产0 · 缴费1']);
    const grid = await staff('/统计', { roomId: G1 });
    expect(grid.map((r) => r.to)).toEqual([{ contactId: 'staff-liu' }]);
    expect(grid[0]!.text).toMatch(/^本周\(06-08—06-14\)统计/);
  });

  it('counts orders the schedule escalated, from its sent records (skipped ones never went out)', async () => {
    const { staff, store } = await world();
    expect((await staff('/统计'))[0]!.text).toContain('升级0件(0%)');
    store.put('sent', 'esc:2:1', { key: 'esc:2:1', at: 1, dueAt: 1 });
    store.put('sent', 'esc:1:1', { key: 'esc:1:1', at: 1, dueAt: 1, skipped: true });
    store.put('sent', 'digest:g1:2026-06-10', { key: 'digest:g1:2026-06-10', at: 1, dueAt: 1 });
    expect((await staff('/统计'))[0]!.text).toContain('升级1件(50%)');
  });
});

describe('points', () => {
  it('adds points by mention, tells the volunteer privately, and keeps the entry', async () => {
    const { staff, store, clock: c } = await world();
    const out = await staff('/加分 @张师傅 5 暴雨夜巡', { mentionIds: ['vol-zhang'] });
    expect(texts(to(out, STAFF))).toEqual(['已给张师傅加5分:暴雨夜巡。张师傅本年度积分 57。']);
    expect(texts(to(out, 'vol-zhang'))).toEqual(['刘书记给您加5分:暴雨夜巡。您本年度积分 57,发送「积分」查看明细。']);
    expect([...store.values<ManualPoints>('points')]).toEqual([{ id: '1', contactId: 'vol-zhang', delta: 5, reason: '暴雨夜巡', by: 'staff-liu', at: c.t }]);
  });

  it('finds a member by configured name when the mention was typed as text', async () => {
    const { staff, store } = await world();
    expect(texts(await staff('/扣分 @郑小伟 2 未按时到岗'))[0]).toBe('已给郑小伟扣2分:未按时到岗。郑小伟本年度积分 58。');
    expect([...store.values<ManualPoints>('points')][0]).toMatchObject({ contactId: 'vol-zheng', delta: -2 });
  });

  it('refuses unknown people, too many points, a missing reason and non-staff', async () => {
    const { staff, say, store } = await world();
    expect(texts(await staff('/加分 @王阿姨 5 热心'))).toEqual(['积分名单里没有「王阿姨」,请检查名字。']);
    expect(texts(await staff('/加分 @张师傅 50 热心'))).toEqual(['一次最多加减20分。']);
    expect(texts(await staff('/加分 @张师傅 5'))).toEqual(['格式:/加分 @志愿者 5 原因']);
    expect(texts(await say('vol-li', '/加分 @李师傅 5 我自己', { roomId: G1 }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(store.size('points')).toBe(0);
  });

  it('answers 积分 privately to a volunteer, and ignores it from a resident in a group', async () => {
    const { say, staff } = await world();
    await staff('/加分 @张师傅 5 暴雨夜巡', { mentionIds: ['vol-zhang'] });
    const out = await say('vol-zhang', '积分', { roomId: G1 });
    expect(out.map((r) => r.to)).toEqual([{ contactId: 'vol-zhang' }]);
    expect(out[0]!.text).toBe(
      ['张师傅(志愿者)2026年度积分 57', '基础50 · 履职+2 · 奖励+5 · 扣减0', '服务1单 · 时长1小时', '最近:', '06-10 +5 刘书记:暴雨夜巡', '06-10 +2 #1 家庭维修办结'].join('\n'),
    );
    expect(await say('res-wang', '积分', { roomId: G1, talkerName: '王阿姨' })).toEqual([]);
    expect(texts(await say('res-wang', '积分', { roomId: null, talkerName: '王阿姨' }))).toEqual(['您不在积分名单中。如有疑问请联系社区。']);
  });

  it('ranks everyone for staff with the year-end rating', async () => {
    const { staff } = await world();
    await staff('/扣分 @郑小伟 2 未按时到岗');
    const [board] = await staff('/积分榜');
    // The demo config: 卫老师 在职党员 (base 70), 韩小宇 and 网格员小李 青年党员 (60), 郑小伟 青年党员, the rest base 50.
    expect(board!.text.split('\n')).toEqual([
      '2026年度积分榜(截至06-10,12人;优秀≥90 良好≥75 一般≥60)',
      '1. 卫老师 70 一般',
      '2. 韩小宇 60 一般',
      '2. 网格员小李 60 一般',
      '4. 郑小伟 58 差',
      '5. 张师傅 52 差',
      '6. 褚大姐 50 差',
      '6. 冯师傅 50 差',
      '6. 蒋师傅 50 差',
      '6. 李师傅 50 差',
      '6. 沈阿姨 50 差',
      '6. 吴大姐 50 差',
      '6. 周阿姨 50 差',
      '优秀0 · 良好0 · 一般3 · 差9',
    ]);
    expect(texts(await staff('/积分榜 2025'))[0]).toMatch(/^2025年度积分榜\(12人;/);
    expect(texts(await staff('/积分榜 2025年度'))[0]).toMatch(/^2025年度积分榜\(12人;/);
    expect(texts(await staff('/积分榜 2025年'))[0]).toMatch(/^2025年度积分榜\(12人;/);
    expect(texts(await staff('/积分榜 2025届'))).toEqual(['格式:/积分榜 或 /积分榜 2025(年度)。']);
    expect(texts(await staff('/积分榜 明年'))).toEqual(['格式:/积分榜 或 /积分榜 2025(年度)。']);
  });
});

describe('/帮助', () => {
  it('lists the staff tools for staff only, and 积分 for volunteers', async () => {
    const { staff, say } = await world();
    expect(texts(await staff('/帮助'))[0]).toContain('台账统计:/统计 本周 · /导出 本月');
    expect(texts(await say('wk-li', '/帮助', { roomId: G1 }))[0]).not.toContain('/导出');
    expect(texts(await say('vol-zhang', '/帮助', { roomId: G1 }))[0]).toContain('放弃 #12 · 请假 3天 · 销假 · 今天谁值班 · 积分');
  });
});

describe('second follow-ups after a low rating', () => {
  it('lists the orders rated 2 or less until staff record the second follow-up', async () => {
    const { staff, store } = await world();
    expect(texts(await staff('/回访'))).toEqual(['待二次回访1件:\n#1 家庭维修 一网格 2分「态度不好」 张师傅办理\n回访后回复「/回访 #1 回访情况」']);
    expect(texts(await staff('/回访 #2 电话回访'))).toEqual(['#2 还没有评分,不需要二次回访。']);
    expect(texts(await staff('/回访 #1 已上门致歉,居民表示理解'))).toEqual(['#1 已记录二次回访:已上门致歉,居民表示理解。']);
    expect(store.get('followups', '1')).toMatchObject({ orderId: 1, by: 'staff-liu', note: '已上门致歉,居民表示理解' });
    expect(texts(await staff('/回访'))).toEqual(['目前没有待二次回访的工单。']);
    expect(texts(await staff('/回访 #1 再次回访'))).toEqual(['#1 已经做过二次回访。']);
    expect(texts(await staff('/回访 #99 x'))).toEqual(['没有找到 #99。']);
  });

  it('points the staff room at /回访 when the low rating arrives', async () => {
    const t = testApp();
    installFeatures(t.app);
    await t.say('res-wang', REPAIR, { talkerName: '王阿姨' });
    await t.say('vol-zhang', '接单 #1');
    await t.say('vol-zhang', '完成 #1');
    const out = await t.say('res-wang', '1', { talkerName: '王阿姨' });
    expect(texts(to(out, STAFF))).toEqual(['#1 收到1分的低评价,请安排二次回访,回访后回复「/回访 #1 情况」。']);
  });
});
