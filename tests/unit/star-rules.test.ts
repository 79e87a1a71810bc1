import {
  applicationRef, applicationStep, changeStar, findStar, readApplication, readStarChange, readVerdict, starStats,
  type StarApplication, type StarHousehold,
} from '../../src/core/star-households.js';

const T = Date.parse('2026-06-10T10:00:00+08:00');
const DAY = 86_400_000;

function application(patch: Partial<StarApplication> = {}): StarApplication {
  return {
    id: 3, kind: 'apply', star: 'filial', address: { building: '12', unit: '1', room: '602' }, householdKey: '12-1-602', household: '李秀兰家',
    story: '', gridId: 'g1', roomId: 'grid1@chatroom', applicantId: 'res-li', applicantName: '李秀兰', status: 'applied', createdAt: T, updatedAt: T,
    publicity: null, objections: [], rejectReason: null, history: [{ action: 'apply', by: 'res-li', at: T }], ...patch,
  };
}
const home = (key: string, stars: StarHousehold['stars'], gridId: string | null = 'g1'): StarHousehold => ({ key, address: {}, name: '', gridId, stars, history: [] });

describe('reading applications', () => {
  it('reads 申报 孝老爱亲星 12号楼1单元602 李秀兰家 and a story', () => {
    expect(readApplication('孝老爱亲星 12号楼1单元602 李秀兰家 照顾婆婆十年')).toEqual({
      ok: true, star: 'filial', address: { building: '12', unit: '1', room: '602' }, householdKey: '12-1-602', household: '李秀兰家', story: '照顾婆婆十年',
    });
  });

  it('reads the star anywhere, with or without 星, and short forms only with 星', () => {
    expect(readApplication('12-1-602 李秀兰家 孝老爱亲')).toMatchObject({ ok: true, star: 'filial' });
    expect(readApplication('志愿星 8号楼2单元101')).toMatchObject({ ok: true, star: 'volunteer', household: '' });
    expect(findStar('教育补助 8号楼2单元101')).toBeNull();
    expect(findStar('团结友善 孝老爱亲')!.star).toBe('harmony');
  });

  it('needs a star and a household with its room', () => {
    expect(readApplication('12号楼1单元602 李秀兰家')).toEqual({ ok: false, code: 'NO_STAR' });
    expect(readApplication('孝老爱亲星 12号楼1单元 李秀兰家')).toEqual({ ok: false, code: 'NO_ADDRESS' });
  });

  it('reads application numbers #S3, S3, ＃Ｓ３ but not order numbers', () => {
    expect(applicationRef('#S3 通过')).toEqual([3, '通过']);
    expect(applicationRef('s3')).toEqual([3, '']);
    expect(applicationRef('＃Ｓ３ 不通过 材料不实')).toEqual([3, '不通过 材料不实']);
    expect(applicationRef('#3 通过')).toBeNull();
  });

  it('reads verdicts, 不通过 before 通过', () => {
    expect(readVerdict('通过')).toEqual({ verdict: 'pass', note: '' });
    expect(readVerdict('不通过 材料不实')).toEqual({ verdict: 'fail', note: '材料不实' });
    expect(readVerdict('再看看')).toBeNull();
  });

  it('reads /加星 and /摘星 arguments', () => {
    expect(readStarChange('12号楼1单元602 志愿服务星 常年义务理发')).toMatchObject({ ok: true, ref: null, star: 'volunteer', reason: '常年义务理发' });
    expect(readStarChange('#S3 孝老爱亲星 不再赡养老人')).toMatchObject({ ok: true, ref: 3, address: null, star: 'filial', reason: '不再赡养老人' });
    expect(readStarChange('12号楼1单元602 王家 文化教育星 子女考上大学')).toMatchObject({ ok: true, household: '王家', reason: '子女考上大学' });
    expect(readStarChange('12号楼1单元602 志愿服务星')).toEqual({ ok: false, code: 'NO_REASON' });
    expect(readStarChange('志愿服务星 原因')).toEqual({ ok: false, code: 'NO_HOUSEHOLD' });
    expect(readStarChange('12号楼1单元602 原因')).toEqual({ ok: false, code: 'NO_STAR' });
  });
});

describe('the steps 报 → 审 → 晒 → 定', () => {
  it('goes applied → approved → publicised → final and keeps each step', () => {
    let a = application();
    for (const [action, status] of [['approve', 'approved'], ['publicise', 'publicised']] as const) {
      const r = applicationStep(a, action, 'staff-liu', T, undefined, action === 'publicise' ? { publicity: { from: T, until: T + 7 * DAY, roomIds: [] } } : {});
      expect(r.ok && r.application.status).toBe(status);
      if (r.ok) a = r.application;
    }
    expect(applicationStep(a, 'finalise', 'staff-liu', T + 6 * DAY)).toEqual({ ok: false, code: 'PUBLICITY_RUNNING' });
    const fin = applicationStep(a, 'finalise', 'staff-liu', T + 7 * DAY);
    expect(fin.ok && fin.application.history.map((h) => h.action)).toEqual(['apply', 'approve', 'publicise', 'finalise']);
  });

  it('refuses steps out of order', () => {
    expect(applicationStep(application(), 'publicise', 's', T)).toEqual({ ok: false, code: 'NOT_NOW' });
    expect(applicationStep(application(), 'finalise', 's', T)).toEqual({ ok: false, code: 'NOT_NOW' });
    expect(applicationStep(application({ status: 'final' }), 'reject', 's', T)).toEqual({ ok: false, code: 'NOT_NOW' });
    expect(applicationStep(application({ status: 'publicised' }), 'reject', 's', T).ok).toBe(true);
  });
});

describe('stars of a household and statistics', () => {
  it('adds stars in the fixed order and removes them, never twice', () => {
    const h = changeStar(home('k', ['volunteer']), 'add', 'diligence', 's', T, '原因')!;
    expect(h.stars).toEqual(['diligence', 'volunteer']);
    expect(changeStar(h, 'add', 'diligence', 's', T, '再加')).toBeNull();
    expect(changeStar(h, 'remove', 'filial', 's', T, '没有')).toBeNull();
    expect(changeStar(h, 'remove', 'volunteer', 's', T, '搬走')!.history.at(-1)).toEqual({ action: 'remove', star: 'volunteer', by: 's', at: T, reason: '搬走', applicationId: null });
  });

  it('counts households by level and their share, like 五星级217户 … 占全镇总户数的31.5%', () => {
    const five = ['diligence', 'filial', 'harmony', 'volunteer', 'culture'] as const;
    const households = [
      ...Array.from({ length: 217 }, (_, i) => home(`a${i}`, [...five])),
      ...Array.from({ length: 352 }, (_, i) => home(`b${i}`, five.slice(0, 4), 'g2')),
      home('none', []),
    ];
    const s = starStats(households, { gridHouseholds: { g1: 1000, g2: 806 }, totalHouseholds: null });
    expect(s.total).toBe(569);
    expect(s.byLevel.slice(1)).toEqual([0, 0, 0, 352, 217]);
    expect(s.share).toBe(31.5);
    expect(s.byGrid).toEqual([{ gridId: 'g1', count: 217, share: 21.7 }, { gridId: 'g2', count: 352, share: 43.7 }]);
    expect(s.byStar.culture).toBe(217);
    expect(starStats(households, { gridHouseholds: {}, totalHouseholds: null }).share).toBeNull();
    expect(starStats(households, { gridHouseholds: {}, totalHouseholds: 5690 }).share).toBe(10);
  });
});
