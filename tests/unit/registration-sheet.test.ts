import ExcelJS from 'exceljs';
import { testApp, texts, to } from '../helpers/fixtures.js';
import { registrationsConfig } from '../helpers/registrations.js';
import { installFeatures } from '../../src/app/features.js';
import { localClock } from '../../src/core/local-clock.js';
import type { Reply } from '../../src/app/ports.js';
import type { Registration } from '../../src/core/tenant-registration-rules.js';

const ROOM = 'landlords@chatroom';
const STAFF = 'staff@chatroom';
const at = (iso: string) => Date.parse(iso);
const clock = localClock('Asia/Shanghai');

async function world() {
  const t = testApp(registrationsConfig());
  installFeatures(t.app);
  const report = async (when: string, who: string, name: string, text: string) => {
    t.clock.t = at(when);
    return t.say(who, text, { roomId: ROOM, talkerName: name });
  };
  await report('2026-05-31T21:00:00+08:00', 'll-wang', '王房东', '今天入住1人 孙某 尾号 1111 住1晚');
  await report('2026-06-10T18:00:00+08:00', 'll-wang', '王房东', '今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 9号楼2单元301');
  await report('2026-06-10T18:05:00+08:00', 'll-li', '李房东', '今天入住1人 陈某 身份证110101199003071234');
  await report('2026-06-10T18:10:00+08:00', 'll-zhao', '赵房东', '今日无入住');
  await report('2026-06-11T07:30:00+08:00', 'll-zhao', '赵房东', '昨天入住1人 钱某 尾号 2222 住2晚');
  await report('2026-07-01T09:00:00+08:00', 'll-li', '李房东', '今天入住1人 周某 尾号 3333 住1晚');
  // The ledger is made for a period with orders (staff tools' rule): one order in June.
  t.clock.t = at('2026-06-12T10:00:00+08:00');
  await t.say('res-wang', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678', { talkerName: '王阿姨' });
  t.clock.t = at('2026-06-20T10:00:00+08:00');
  const staff = (text: string) => t.say('staff-liu', text, { roomId: STAFF, talkerName: '刘书记' });
  return { ...t, staff };
}

async function sheet(out: Reply[]) {
  const file = out.find((r) => r.file)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.file!.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('房东报备')!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { rows };
}

describe('the ledger\'s 房东报备 sheet (/导出)', () => {
  it('has one row per registration whose check-in falls in the period, matching the store, in full', async () => {
    const { staff, store } = await world();
    const out = await staff('/导出 本月');
    expect(texts(to(out, STAFF))).toEqual(['台账已私信发给刘书记。']);
    const { rows } = await sheet(out);
    const [header, ...data] = rows;
    expect(header).toEqual(['编号', '报备日期', '入住日期', '房东', '房屋地址', '入住人数', '姓名', '身份证后四位', '住几晚', '预计退房', '无入住', '报备时间', '更新时间', '缺少']);
    const june = [...store.values<Registration>('registrations')].filter((r) => r.checkIn.startsWith('2026-06'));
    expect(data.map((r) => r[0])).toEqual([2, 3, 4, 5]);
    expect(data).toHaveLength(june.length);
    const byId = new Map(june.map((r) => [r.id, r]));
    for (const row of data) {
      const r = byId.get(row[0] as number)!;
      expect(row[3]).toBe(r.landlordName);
      expect(row[1]).toBe(r.reportDate);
      expect(row[11]).toEqual(clock.wallDate(r.reportedAt));
    }
    const cells = (row: unknown[]) => Array.from({ length: 14 }, (_, i) => row[i] ?? null);
    const reported = (id: number) => clock.wallDate(byId.get(id)!.reportedAt);
    expect(cells(data[0]!)).toEqual([2, '2026-06-10', '2026-06-10', '王房东', '9号楼2单元301', 2, '张某、李某', '1234、5678', 3, '2026-06-13', null, reported(2), null, null]);
    expect(cells(data[1]!).slice(3, 14)).toEqual(['李房东', '11号楼1单元502', 1, '陈某', '1234', null, null, null, reported(3), null, '住几晚']);
    expect(cells(data[2]!).slice(3, 11)).toEqual(['赵房东', '7号楼3单元201', 0, null, null, null, null, '是']);
    expect(data[3]!.slice(1, 4)).toEqual(['2026-06-11', '2026-06-10', '赵房东']);
  });

  it('never carries a full ID number, in any sheet', async () => {
    const { staff } = await world();
    const file = (await staff('/导出 本月')).find((r) => r.file)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.file!.base64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => (row.values as unknown[]).forEach((v) => cells.push(String(v))));
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.some((c) => c.includes('陈某'))).toBe(true);
    expect(cells.filter((c) => /[0-9]{15,}/.test(c))).toEqual([]);
  });
});
