import { testApp, texts, to } from '../helpers/fixtures.js';
import { registrationsConfig } from '../helpers/registrations.js';
import { installFeatures } from '../../src/app/features.js';
import { linkIndex, linksOf, readVisit, unvisited } from '../../src/core/party-links.js';

const G1 = 'grid1@chatroom';
const STAFF = 'staff@chatroom';
const at = (iso: string) => Date.parse(iso);

function setup(start = '2026-06-10T09:30:00+08:00') {
  const t = testApp(registrationsConfig({ withRegistration: false }));
  installFeatures(t.app);
  t.clock.t = at(start);
  return t;
}

describe('the links (pure)', () => {
  const index = linkIndex([
    { id: 'pm-guo', name: '郭大姐', households: ['12号楼1单元602', '12-1-603'] },
    { id: 'pm-ma', name: '马老师', households: ['十二栋一单元六零二室'] },
  ]);

  it('reads 12号楼1单元602, 12-1-602 and 十二栋一单元六零二室 as one household', () => {
    expect(index.map((l) => l.key)).toEqual(['12-1-602', '12-1-603', '12-1-602']);
    expect(linksOf(index, { building: '12', unit: '1', room: '602' }).map((l) => l.memberName)).toEqual(['郭大姐', '马老师']);
  });

  it('matches an address without its unit, but never one without a room', () => {
    expect(linksOf(index, { building: '12', room: '603' }).map((l) => l.memberId)).toEqual(['pm-guo']);
    expect(linksOf(index, { building: '12', unit: '1' })).toEqual([]);
    expect(linksOf(index, { building: '12', unit: '2', room: '602' })).toEqual([]);
  });

  it('reads a visit and lists the households not yet visited', () => {
    expect(readVisit('12号楼1单元602 已上门 老人身体好')).toEqual({ address: { building: '12', unit: '1', room: '602' }, note: '已上门 老人身体好' });
    expect(readVisit('已上门')).toBeNull();
    expect(unvisited(index, 'pm-guo', new Set(['12-1-602'])).map((l) => l.key)).toEqual(['12-1-603']);
  });
});

describe('a linked household opens an order', () => {
  it('tells its party member privately, once, with the full address', async () => {
    const { say } = setup();
    const out = await say('res-qian', '12号楼1单元602厨房水管漏了 能来人看看吗 13812345678', { talkerName: '钱阿姨' });
    const priv = to(out, 'pm-guo');
    expect(texts(priv)).toHaveLength(1);
    expect(priv[0]!.text).toMatch(/^您包联的住户 12号楼1单元602\(钱阿姨\)提交了 #1 家庭维修:/);
    expect(to(out, 'pm-ma')).toEqual([]);
  });

  it('tells the member when the address comes in a second message', async () => {
    const { say } = setup();
    const first = await say('res-qian', '厨房水管漏了 能来人看看吗', { talkerName: '钱阿姨' });
    expect(to(first, 'pm-guo')).toEqual([]);
    const second = await say('res-qian', '12号楼1单元602', { talkerName: '钱阿姨' });
    expect(texts(to(second, 'pm-guo'))[0]).toContain('#1');
  });

  it('knows the household of a resident from an earlier order when a later one names only the building', async () => {
    const { say } = setup();
    await say('res-qian', '12号楼1单元602厨房水管漏了 能来人看看吗 13812345678', { talkerName: '钱阿姨' });
    const out = await say('res-qian', '帮我代缴下这个月电费 12号楼', { talkerName: '钱阿姨' });
    expect(texts(to(out, 'pm-guo'))[0]).toContain('#2');
  });

  it('says nothing to members about households they do not look after', async () => {
    const { say } = setup();
    const out = await say('res-wang', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678', { talkerName: '王阿姨' });
    expect(out.filter((r) => 'contactId' in r.to && r.to.contactId.startsWith('pm-'))).toEqual([]);
  });
});

describe('a linked household raises a neighbour dispute (needs the full parser: intent "dispute")', () => {
  it('tells the member privately, once a day, also when the resident names no address the next time', async () => {
    const { say, clock } = setup();
    const out = await say('res-qian', '楼上天天半夜吵 能不能帮我们协调一下 我家12号楼1单元602', { talkerName: '钱阿姨' });
    expect(texts(to(out, 'pm-guo'))).toEqual(['您包联的住户 12号楼1单元602(钱阿姨)在一网格群反映了邻里矛盾:「楼上天天半夜吵 能不能帮我们协调一下 我家12号楼1单元602」。可上门了解一下。']);
    // The same resident again, naming no address: known from the first message, and told once a day only.
    const again = await say('res-qian', '楼上天天半夜吵 能不能帮我们协调一下', { talkerName: '钱阿姨' });
    expect(to(again, 'pm-guo')).toEqual([]);
    clock.t = at('2026-06-11T09:00:00+08:00');
    const nextDay = await say('res-qian', '楼上天天半夜吵 能不能帮我们协调一下', { talkerName: '钱阿姨' });
    expect(texts(to(nextDay, 'pm-guo'))[0]).toContain('反映了邻里矛盾:「楼上天天半夜吵 能不能帮我们协调一下」');
  });
});

describe('visits', () => {
  it('records 走访 from a member and answers with what is left this month', async () => {
    const { say, store } = setup();
    const out = await say('pm-guo', '走访 12号楼1单元602 已上门', { roomId: null });
    expect(texts(out)).toEqual(['已记录走访 12号楼1单元602(已上门)。本月还有3户未走访。']);
    expect(store.get('partyVisits', '2026-06:pm-guo:12-1-602')).toMatchObject({ note: '已上门', count: 1 });
    expect(texts(await say('pm-guo', '走访', { roomId: null }))).toEqual(['本月(6月)您包联的4户中还有3户未走访:12号楼1单元601、12号楼1单元603、12号楼1单元604。']);
    expect(texts(await say('pm-guo', '走访 8-2-101 已上门', { roomId: null }))).toEqual(['8-2-101 不在您的包联名单中。']);
    expect(texts(await say('pm-guo', '走访 老李家', { roomId: null }))[0]).toContain('格式:走访');
    const inGroup = await say('pm-guo', '走访 12号楼1单元603 电话联系', { talkerName: '郭大姐' });
    expect(texts(inGroup)).toEqual(['已记录走访 12号楼1单元(电话联系)。本月还有2户未走访。']);
  });

  it('leaves 走访 from someone who is not a party member to the others', async () => {
    const { say } = setup();
    expect(await say('res-wang', '走访 12号楼1单元602 已上门')).toEqual([]);
  });

  it('reminds each member on the reminder day of the households not visited this month, once, and gives staff an overview', async () => {
    const { say, app } = setup();
    await say('pm-ma', '走访 8号楼2单元101 已上门', { roomId: null });
    await say('pm-ma', '走访 8-2-102 已上门', { roomId: null });
    await say('pm-ma', '走访 8号楼2单元201 已上门', { roomId: null });
    await say('pm-guo', '走访 12号楼1单元601 已上门', { roomId: null });
    expect(await app.runDueJobs(at('2026-06-25T08:59:00+08:00'))).toEqual([]);
    const out = await app.runDueJobs(at('2026-06-25T09:00:00+08:00'));
    expect(out.map((r) => r.to)).toEqual([{ contactId: 'pm-guo' }, { roomId: STAFF }]);
    expect(out[0]!.text).toBe('郭大姐您好,本月(6月)您包联的4户中还有3户未走访:12号楼1单元602、12号楼1单元603、12号楼1单元604。走访后回复「走访 12号楼1单元602 已上门」即可记录。');
    expect(out[1]!.text).toBe('6月党员包联走访:郭大姐 1/4户、马老师 3/3户。');
    expect(await app.runDueJobs(at('2026-06-26T09:00:00+08:00'))).toEqual([]);
    const july = await app.runDueJobs(at('2026-07-25T09:00:00+08:00'));
    expect(july.map((r) => r.to)).toEqual([{ contactId: 'pm-guo' }, { contactId: 'pm-ma' }, { roomId: STAFF }]);
  });

  it('gives staff the month\'s overview on /包联 and refuses it to others', async () => {
    const { say } = setup();
    await say('pm-guo', '走访 12号楼1单元601 已上门', { roomId: null });
    expect(texts(await say('staff-liu', '/包联', { roomId: STAFF }))).toEqual(['6月党员包联走访:郭大姐 1/4户、马老师 0/3户。']);
    expect(texts(await say('res-wang', '/包联'))).toEqual(['这个指令只有社区工作人员可以使用。']);
  });
});
