import { testApp, texts, to } from '../helpers/fixtures.js';
import { registrationsConfig } from '../helpers/registrations.js';
import { installFeatures } from '../../src/app/features.js';
import type { Registration } from '../../src/core/tenant-registration-rules.js';

const ROOM = 'landlords@chatroom';
const STAFF = 'staff@chatroom';
const at = (iso: string) => Date.parse(iso);

function setup(start = '2026-06-10T09:30:00+08:00') {
  const t = testApp(registrationsConfig());
  installFeatures(t.app);
  t.clock.t = at(start);
  const inRoom = (who: string, text: string, name = who) => t.say(who, text, { roomId: ROOM, talkerName: name });
  return { ...t, inRoom, regs: () => [...t.store.values<Registration>('registrations')] };
}

describe('a landlord reporting in the landlords\' group', () => {
  it('registers a full report and confirms it in one line with names and tails masked', async () => {
    const { inRoom, regs } = setup();
    const out = await inRoom('ll-wang', '今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 9号楼2单元301', '王房东');
    expect(texts(out)).toEqual(['@王房东 已登记:6月10日入住2人(张*、李*;身份证尾号**34、**78),住3晚,9号楼2单元。']);
    expect(out[0]!.mentionIds).toEqual(['ll-wang']);
    expect(regs()).toEqual([
      expect.objectContaining({ landlordId: 'll-wang', checkIn: '2026-06-10', guests: 2, names: ['张某', '李某'], idTails: ['1234', '5678'], nights: 3, address: { building: '9', unit: '2', room: '301' } }),
    ]);
  });

  it('registers 今日无入住 and thanks the landlord', async () => {
    const { inRoom, regs } = setup();
    expect(texts(await inRoom('ll-li', '今日无入住', '李房东'))).toEqual(['@李房东 已登记:6月10日无入住。谢谢。']);
    expect(regs()[0]).toMatchObject({ none: true, guests: 0, landlordId: 'll-li' });
  });

  it('uses the landlord\'s own address when the report names none, and asks for what is missing', async () => {
    const { inRoom, regs } = setup();
    const out = await inRoom('ll-wang', '今天入住两人 张某', '王房东');
    expect(texts(out)[0]).toBe('@王房东 已登记:6月10日入住2人(张*),9号楼2单元。还缺:1位客人的姓名、2位客人的身份证后四位、住几晚,直接回复即可。');
    const more = await inRoom('ll-wang', '李某 尾号1234 5678 住两晚', '王房东');
    expect(texts(more)[0]).toBe('@王房东 已补充:6月10日入住2人(张*、李*;身份证尾号**34、**78),住2晚,9号楼2单元。');
    expect(regs()).toHaveLength(1);
    expect(regs()[0]).toMatchObject({ names: ['张某', '李某'], idTails: ['1234', '5678'], nights: 2 });
  });

  it('refuses a full ID number: keeps the last four characters only and says why', async () => {
    const { inRoom, regs, store } = setup();
    const out = await inRoom('ll-wang', '今天入住1人 张某 身份证110101199003071234 住1晚', '王房东');
    expect(texts(out)[0]).toContain('**34');
    expect(texts(out)[0]).toContain('完整身份证号不登记,只记后四位');
    expect(regs()[0]!.idTails).toEqual(['1234']);
    const everything = JSON.stringify([...['registrations', 'outbox', 'seen', 'meta', 'registrationDays'].flatMap((c) => [...store.values(c)])]);
    expect(everything).not.toContain('110101199003071234');
    expect(everything).not.toContain('19900307');
  });

  it('stays silent on chat in the group and opens no order from it', async () => {
    const { inRoom, store } = setup();
    for (const t of ['收到', '好的谢谢', '王哥辛苦了', '[抱拳]']) expect(await inRoom('ll-wang', t, '王房东')).toEqual([]);
    expect(await inRoom('ll-wang', '楼道灯坏了 帮忙修一下', '王房东')).toEqual([]);
    expect(store.size('orders')).toBe(0);
    expect(store.size('registrations')).toBe(0);
  });

  it('replaces the day\'s report on 更正', async () => {
    const { inRoom, regs } = setup();
    await inRoom('ll-wang', '今天入住2人 张某 李某 尾号1234 5678 住3晚', '王房东');
    const out = await inRoom('ll-wang', '更正 今天入住1人 张某 尾号1234 住1晚', '王房东');
    expect(texts(out)[0]).toMatch(/^@王房东 已更正:6月10日入住1人\(张\*;身份证尾号\*\*34\),住1晚/);
    expect(regs()).toHaveLength(1);
    expect(regs()[0]).toMatchObject({ guests: 1, nights: 1 });
  });

  it('takes a landlord\'s report privately, and leaves other private messages to the order logic', async () => {
    const { say, regs, store } = setup();
    const out = await say('ll-zhao', '今日无入住', { roomId: null, talkerName: '赵房东' });
    expect(texts(out)).toEqual(['已登记:6月10日无入住。谢谢。']);
    expect(regs()).toHaveLength(1);
    await say('ll-zhao', '帮我代缴下这个月电费 5号楼1单元202', { roomId: null, talkerName: '赵房东' });
    expect(store.size('orders')).toBe(1);
  });

  it('registers a report from someone not on the list and tells staff once', async () => {
    const { inRoom, regs } = setup();
    const out = await inRoom('ll-new', '今天入住1人 周某 尾号 2222 住1晚 3号楼1单元101', '新房东');
    expect(texts(to(out, STAFF))[0]).toContain('「新房东」不在房东名单上');
    expect(regs()).toHaveLength(1);
    const again = await inRoom('ll-new', '今天入住1人 吴某 尾号 3333 住1晚 3号楼1单元101', '新房东');
    expect(to(again, STAFF)).toEqual([]);
  });
});

describe('reminders', () => {
  it('reminds privately at 20:00 each landlord who has not reported, once, and lists them for staff the next morning', async () => {
    const { app, inRoom, clock } = setup();
    await inRoom('ll-wang', '今日无入住', '王房东');
    expect(await app.runDueJobs(at('2026-06-10T19:59:00+08:00'))).toEqual([]);
    const evening = await app.runDueJobs(at('2026-06-10T20:00:00+08:00'));
    expect(evening.map((r) => r.to)).toEqual([{ contactId: 'll-li' }, { contactId: 'll-zhao' }]);
    expect(evening[0]!.text).toContain('李房东您好,今天(6月10日)还没有收到您的日租房报备');
    expect(await app.runDueJobs(at('2026-06-10T20:01:00+08:00'))).toEqual([]);
    clock.t = at('2026-06-10T21:00:00+08:00');
    await inRoom('ll-li', '今天入住1人 陈某 尾号 1111 住2晚', '李房东');
    expect(await app.runDueJobs(at('2026-06-11T07:59:00+08:00'))).toEqual([]);
    const morning = await app.runDueJobs(at('2026-06-11T08:00:00+08:00'));
    expect(morning).toHaveLength(1);
    expect(morning[0]!.to).toEqual({ roomId: STAFF });
    expect(morning[0]!.text).toBe('6月10日房东报备:2/3户已报,入住1人。未报备:赵房东(7号楼3单元201)。');
    expect(await app.runDueJobs(at('2026-06-11T08:01:00+08:00'))).toEqual([]);
  });

  it('counts a report made the next morning about last night', async () => {
    const { app, inRoom, clock } = setup('2026-06-10T10:00:00+08:00');
    await inRoom('ll-wang', '今日无入住', '王房东');
    await inRoom('ll-li', '今日无入住', '李房东');
    clock.t = at('2026-06-11T07:30:00+08:00');
    await inRoom('ll-zhao', '昨天入住2人 孙某 钱某 尾号1111 2222 住1晚', '赵房东');
    const morning = await app.runDueJobs(at('2026-06-11T08:00:00+08:00'));
    expect(morning[0]!.text).toBe('6月10日房东报备:3/3户已报,入住2人。全部已报备。');
  });

  it('sends no list for a day before the bot was running', async () => {
    const { app } = setup('2026-06-11T09:00:00+08:00');
    expect((await app.runDueJobs(at('2026-06-11T09:00:00+08:00'))).filter((r) => 'roomId' in r.to)).toEqual([]);
  });
});

describe('staff commands', () => {
  it('adds a landlord with /房东 @name address, who is then reminded', async () => {
    const { app, inRoom, say } = setup();
    await inRoom('ll-sun', '大家好', '孙房东');
    const out = await say('staff-liu', '/房东 @孙房东 5号楼1单元302', { roomId: STAFF });
    expect(texts(out)).toEqual(['已把孙房东(5号楼1单元302)加入房东名单;每天20:00还没报备的会私信提醒。']);
    const evening = await app.runDueJobs(at('2026-06-10T20:00:00+08:00'));
    expect(evening.map((r) => r.to)).toContainEqual({ contactId: 'll-sun' });
    const rm = await say('staff-liu', '/房东 移除 @赵房东', { roomId: STAFF });
    expect(texts(rm)).toEqual(['已把赵房东移出房东名单。']);
    const list = await say('staff-liu', '/房东', { roomId: STAFF });
    expect(texts(list)[0]).toBe('房东3户:\n· 王房东 9号楼2单元301\n· 李房东 11号楼1单元502\n· 孙房东 5号楼1单元302');
  });

  it('refuses /房东 and /报备 to non-staff and explains bad input', async () => {
    const { inRoom, say } = setup();
    expect(texts(await inRoom('ll-wang', '/房东 @王房东 1号楼1单元101', '王房东'))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await say('staff-liu', '/房东 @谁 1号楼1单元101', { roomId: STAFF }))[0]).toContain('没有找到「谁」');
    expect(texts(await say('staff-liu', '/房东 @王房东', { roomId: STAFF }))[0]).toContain('格式:/房东');
    expect(texts(await say('staff-liu', '/报备 昨天下午', { roomId: STAFF }))[0]).toContain('格式:/报备');
  });

  it('/报备 shows the day in full in the staff room and masked elsewhere', async () => {
    const { inRoom, say } = setup();
    await inRoom('ll-wang', '今天入住1人 张某 尾号1234 住1晚 9号楼2单元301', '王房东');
    const full = texts(await say('staff-liu', '/报备', { roomId: STAFF }))[0]!;
    expect(full).toBe('6月10日房东报备 1/3户,入住1人:\n· 王房东 6月10日入住1人(张某;身份证尾号1234),住1晚,9号楼2单元301\n未报备:李房东、赵房东');
    const masked = texts(await inRoom('staff-liu', '/报备 2026-06-10', '刘书记'))[0]!;
    expect(masked).toContain('张*');
    expect(masked).not.toContain('1234');
  });
});
