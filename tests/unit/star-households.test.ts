import { testApp, texts, to } from '../helpers/fixtures.js';
import { registrationsConfig } from '../helpers/registrations.js';
import { installFeatures } from '../../src/app/features.js';
import type { StarApplication, StarHousehold } from '../../src/core/star-households.js';

const G1 = 'grid1@chatroom';
const G2 = 'grid2@chatroom';
const STAFF = 'staff@chatroom';
const DAY = 86_400_000;

function setup() {
  const t = testApp(registrationsConfig({ withRegistration: false }));
  installFeatures(t.app);
  const staff = (text: string) => t.say('staff-liu', text, { roomId: STAFF, talkerName: '刘书记' });
  const app1 = () => t.store.get<StarApplication>('starApplications', '1')!;
  const home = (key: string) => t.store.get<StarHousehold>('starHouseholds', key);
  return { ...t, staff, app1, home };
}

describe('star-rated households: 报 → 审 → 晒 → 定', () => {
  it('takes an application, reviews, publicises, collects an objection privately and finalises', async () => {
    const { say, staff, app1, home, clock, app } = setup();
    const applied = await say('res-li', '申报 孝老爱亲星 12号楼1单元602 李秀兰家 照顾瘫痪婆婆十年', { talkerName: '李秀兰' });
    expect(texts(to(applied, G1))).toEqual(['已收到 #S1:12号楼1单元 李秀兰家 申报「孝老爱亲星」,社区评审后会在群里公示。']);
    expect(texts(to(applied, STAFF))[0]).toBe('#S1 新申报(一网格):「孝老爱亲星」 12号楼1单元602 李秀兰家(申报人 李秀兰),事迹:照顾瘫痪婆婆十年。回复「/评审 #S1 通过」或「/评审 #S1 不通过 原因」。');
    expect(app1()).toMatchObject({ status: 'applied', star: 'filial', householdKey: '12-1-602', gridId: 'g1' });

    const reviewed = await staff('/评审 #S1 通过');
    expect(texts(to(reviewed, STAFF))).toEqual(['#S1 评审通过。发送「/公示」把评审通过的名单在网格群公示。']);
    expect(texts(to(reviewed, 'res-li'))[0]).toContain('已通过评审,将在网格群公示7天');

    const pub = await staff('/公示');
    expect(texts(to(pub, G1))[0]).toBe(
      '【星级文明户公示】以下家庭经评审拟评为星级文明户,公示7天(至6月17日):\n#S1 12号楼1单元 李秀兰家 孝老爱亲星\n如有异议,请私信本助手「异议 #S1 内容」,意见只转社区工作人员。',
    );
    expect(texts(to(pub, STAFF))).toEqual(['已在一网格公示1户(#S1),至6月17日。']);
    for (const t of texts(pub)) expect(t).not.toContain('602');

    const objection = await say('res-zhao', '异议 #S1 她家常把垃圾堆在楼道', { talkerName: '赵大爷' });
    expect(to(objection, G1)).toEqual([]);
    expect(texts(to(objection, 'res-zhao'))).toEqual(['您对 #S1 的意见已转社区工作人员,谢谢。']);
    expect(texts(to(objection, STAFF))).toEqual(['#S1(12号楼1单元602 李秀兰家 「孝老爱亲星」)收到异议,来自赵大爷:她家常把垃圾堆在楼道']);

    expect(texts(await staff('/定星 #S1'))[0]).toBe('#S1 公示期至6月17日 09:30,期满后再定星。');
    expect(await app.runDueJobs(clock.t + 6 * DAY)).toEqual([]);
    const ended = await app.runDueJobs(clock.t + 7 * DAY);
    expect(texts(ended)).toEqual(['#S1(12号楼1单元602 李秀兰家 「孝老爱亲星」)公示期满,收到异议1条。回复「/定星 #S1」定星,或「/评审 #S1 不通过 原因」。']);
    expect(await app.runDueJobs(clock.t + 7 * DAY + 60_000)).toEqual([]);

    clock.t += 7 * DAY;
    const late = await say('res-sun', '异议 #S1 不同意', { talkerName: '孙阿姨' });
    expect(texts(late)).toEqual(['#S1 现在不在公示期,意见未登记。如有情况请直接联系社区工作人员。']);
    expect(late[0]!.to).toEqual({ contactId: 'res-sun' });

    const fin = await staff('/定星 #S1');
    expect(texts(to(fin, G1))).toEqual(['经评审公示,12号楼1单元 李秀兰家 获评「孝老爱亲星」,现为一星级文明户。祝贺!']);
    expect(texts(to(fin, STAFF))).toEqual(['#S1 已定星:12号楼1单元602 李秀兰家 「孝老爱亲星」,现为一星级。']);
    expect(app1().status).toBe('final');
    expect(app1().history.map((h) => h.action)).toEqual(['apply', 'approve', 'publicise', 'object', 'finalise']);
    expect(home('12-1-602')).toMatchObject({ name: '李秀兰家', stars: ['filial'], gridId: 'g1' });
  });

  it('tells the applicant privately why an application was rejected, and needs a reason', async () => {
    const { say, staff, app1 } = setup();
    await say('res-wang', '推荐 团结友善星 8号楼2单元101 王大爷家 经常帮邻居修东西', { talkerName: '王阿姨' });
    expect(app1().kind).toBe('recommend');
    expect(texts(await staff('/评审 #S1 不通过'))).toEqual(['格式:/评审 #S3 通过 · /评审 #S3 不通过 原因']);
    const out = await staff('/评审 #S1 不通过 本人未同意参评');
    expect(texts(to(out, STAFF))).toEqual(['#S1 评审未通过:本人未同意参评。已私信告知推荐人。']);
    expect(texts(to(out, 'res-wang'))[0]).toContain('未通过评审:本人未同意参评');
    expect(to(out, G1)).toEqual([]);
    expect(app1()).toMatchObject({ status: 'rejected', rejectReason: '本人未同意参评' });
    expect(texts(await staff('/公示'))).toEqual(['没有待公示的申报(评审通过后才能公示)。']);
  });

  it('leaves 申请 requests without a star to the order logic, and asks for the star when 星 is meant', async () => {
    const { say, store } = setup();
    await say('res-wang', '申请低保 帮我问问 3号楼2单元501', { talkerName: '王阿姨' });
    expect(store.size('starApplications')).toBe(0);
    expect(store.size('orders')).toBe(1);
    expect(texts(await say('res-wang', '申报 星级文明户', { talkerName: '王阿姨' }))[0]).toContain('请写明哪颗星和这户的地址');
    expect(texts(await say('res-wang', '申报 孝老爱亲星 李秀兰家', { talkerName: '王阿姨' }))[0]).toContain('请写明哪颗星和这户的地址');
  });

  it('refuses a second open application for the same star of the same household', async () => {
    const { say } = setup();
    await say('res-li', '申报 孝老爱亲星 12号楼1单元602 李秀兰家');
    expect(texts(await say('res-zhao', '推荐 孝老爱亲 12-1-602'))).toEqual(['12号楼1单元 李秀兰家 的「孝老爱亲星」已在办理中(#S1 待评审)。']);
  });

  it('keeps staff commands for staff, and grid workers to their own grid', async () => {
    const { say } = setup();
    await say('res-li', '申报 孝老爱亲星 12号楼1单元602 李秀兰家');
    expect(texts(await say('res-fake', '/评审 #S1 通过', { talkerName: '刘书记' }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await say('wk-wang', '/评审 #S1 通过', { roomId: G2 }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await say('wk-li', '/评审 #S1 通过'))[0]).toContain('#S1 评审通过');
    expect(texts(await say('wk-li', '/评审 #S9 通过'))).toEqual(['没有找到 #S9。']);
  });

  it('publicises a gridless application in every grid group', async () => {
    const { staff } = setup();
    await staff('申报 文化教育星 6号楼1单元301 周老师家');
    await staff('/评审 #S1 通过');
    const out = await staff('/公示');
    expect(out.map((r) => r.to)).toEqual([{ roomId: 'grid1@chatroom' }, { roomId: 'grid2@chatroom' }, { roomId: 'grid3@chatroom' }, { roomId: STAFF }]);
  });
});

describe('adding and removing stars, statistics', () => {
  it('adds and removes stars with a reason and counts households by level with their share', async () => {
    const { staff, home } = setup();
    expect(texts(await staff('/加星 12号楼1单元602 李秀兰家 志愿服务星 常年义务理发'))).toEqual(['已为 12号楼1单元602 李秀兰家 加「志愿服务星」(常年义务理发),现为一星级。']);
    await staff('/加星 12号楼1单元602 孝老爱亲星 照顾婆婆');
    await staff('/加星 12-1-603 团结友善星 调解邻里');
    expect(texts(await staff('/加星 12号楼1单元603 团结友善星 又一次'))).toEqual(['12号楼1单元603 已有「团结友善星」。']);
    expect(texts(await staff('/加星 12号楼1单元603 团结友善星'))[0]).toContain('格式:/加星');
    expect(home('12-1-602')!.stars).toEqual(['filial', 'volunteer']);
    const stats = texts(await staff('/星级 统计'))[0]!;
    expect(stats).toBe(
      '星级文明户共2户:五星级0户、四星级0户、三星级0户、二星级1户、一星级1户,占滨河北路社区总户数的0.2%。\n各星:勤劳敬业0户、孝老爱亲1户、团结友善1户、志愿服务1户、文化教育0户。\n一网格0户(0.0%)、二网格0户(0.0%)、三网格0户(0.0%)',
    );
    const removed = texts(await staff('/摘星 12号楼1单元602 志愿服务星 搬离本社区'));
    expect(removed).toEqual(['已摘除 12号楼1单元602 李秀兰家 的「志愿服务星」(搬离本社区),现为一星级。']);
    expect(home('12-1-602')!.history.map((h) => [h.action, h.star, h.reason])).toEqual([
      ['add', 'volunteer', '常年义务理发'],
      ['add', 'filial', '照顾婆婆'],
      ['remove', 'volunteer', '搬离本社区'],
    ]);
    const card = texts(await staff('/星级 12号楼1单元602'))[0]!;
    expect(card.split('\n')[0]).toBe('12号楼1单元602 李秀兰家:孝老爱亲(一星级)');
    expect(texts(await staff('/摘星 12号楼1单元602 志愿服务星 再摘'))).toEqual(['12号楼1单元602 李秀兰家 没有「志愿服务星」。']);
  });

  it('lists open applications for staff', async () => {
    const { say, staff } = setup();
    await say('res-li', '申报 孝老爱亲星 12号楼1单元602 李秀兰家');
    await say('res-zhao', '申报 勤劳敬业星 12号楼1单元601 赵家');
    await staff('/评审 #S2 通过');
    expect(texts(await staff('/星级 待办'))[0]).toBe('星级申报办理中2件:\n#S1 待评审 孝老爱亲 12号楼1单元602 李秀兰家\n#S2 待公示 勤劳敬业 12号楼1单元601 赵家');
  });
});
