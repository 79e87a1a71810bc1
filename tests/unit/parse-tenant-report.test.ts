import { parseTenantReport } from '../../src/core/parse-tenant-report.js';
import { findHousehold, householdKey, sameHousehold, formatHousehold, formatHouseholdMasked } from '../../src/core/household-address.js';

const NOW = Date.parse('2026-06-10T19:00:00+08:00');
const read = (t: string) => parseTenantReport(t, NOW);
const pick = (t: string) => {
  const r = read(t);
  return { none: r.none, checkIn: r.checkIn, address: r.address, guests: r.guests, names: r.names, idTails: r.idTails, nights: r.nights };
};
const ADDR = { building: '9', unit: '2', room: '301' };

describe('parseTenantReport: full reports in many phrasings', () => {
  it.each([
    ['今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 9号楼2单元301'],
    ['今天入住两人,张某、李某,尾号1234、5678,住三晚,9-2-301'],
    ['9号楼2单元301 今日入住2人:张某和李某 身份证后四位分别是1234 5678 住3晚'],
    ['今天9栋2单元301室入住两位客人 张某 李某 证件尾号1234/5678 住三晚'],
    ['今天 2 人 住 3 晚 9号楼2单元301 张某1234 李某5678'],
    ['９号楼２单元３０１ 今天入住２人 张某 李某 尾号１２３４ ５６７８ 住３晚'],
    ['今天入住2人(张某 1234)(李某 5678) 住3个晚上 9号楼2单元301'],
    ['今天入住2位 张某 李某 身份证尾号 1234 5678 三晚 九号楼二单元三零一'],
  ])('reads %s', (text) => {
    expect(pick(text)).toEqual({ none: false, checkIn: '2026-06-10', address: ADDR, guests: 2, names: ['张某', '李某'], idTails: ['1234', '5678'], nights: 3 });
  });

  it('reads 今日无入住 and its variants as no check-in', () => {
    for (const t of ['今日无入住', '今天无入住', '今天没有入住', '今天没人住', '今日空房', '暂无入住 9号楼2单元301', '今天没有客人']) {
      const r = read(t);
      expect([t, r.none, r.isReport, r.guests]).toEqual([t, true, true, 0]);
    }
  });

  it('reads dates: 昨天, 6月9日, 6.9, 9号入住, and a year', () => {
    expect(read('昨天入住1人 张某 尾号1234 住1晚').checkIn).toBe('2026-06-09');
    expect(read('6月9日入住1人 张某').checkIn).toBe('2026-06-09');
    expect(read('六月九日入住一人').checkIn).toBe('2026-06-09');
    expect(read('6.9 入住1人').checkIn).toBe('2026-06-09');
    expect(read('9号入住 1人 张某').checkIn).toBe('2026-06-09');
    expect(read('2026年6月8日入住1人').checkIn).toBe('2026-06-08');
    expect(read('明天入住1人').checkIn).toBe('2026-06-11');
    expect(read('入住1人 张某').checkIn).toBeNull();
  });

  it('reads 12月31日 in early January as last year', () => {
    expect(parseTenantReport('12月31日入住1人', Date.parse('2027-01-01T10:00:00+08:00')).checkIn).toBe('2026-12-31');
  });

  it('reads nights from 住到12号 (check-out day)', () => {
    expect(read('6月9日入住 3位客人 住到12号 9栋2单元301室').nights).toBe(3);
    expect(read('今天入住1人 住到12号退房').nights).toBe(2);
  });

  it('reads guests written as 一家三口, 3个人, 两名', () => {
    expect(read('今天来了一家三口 王先生 刘女士 王小明 住两晚').guests).toBe(3);
    expect(read('今天入住3个人').guests).toBe(3);
    expect(read('今天入住两名客人').guests).toBe(2);
  });

  it('reads names as written: 张某, 王先生, 刘女士, full names and two-character surnames', () => {
    expect(read('今天入住3人 王先生 刘女士 赵磊').names).toEqual(['王先生', '刘女士', '赵磊']);
    expect(read('今天入住1人 欧阳娜娜 尾号 9981').names).toEqual(['欧阳娜娜']);
    expect(read('入住的是张某李某 2人').names).toEqual(['张某', '李某']);
  });

  it('does not take chat around a report for names', () => {
    expect(read('王哥辛苦了 今天入住1人 张某 谢谢').names).toEqual(['张某']);
  });

  it('keeps the X of a tail in upper case and the last four of 后六位', () => {
    expect(read('入住1人 赵磊 身份证后四位123x 一晚').idTails).toEqual(['123X']);
    expect(read('身份证后六位 123456 张三 1人 1晚')).toMatchObject({ idTails: ['3456'], guests: 1 });
  });

  it('does not read 后4位 as four guests', () => {
    expect(read('张某 身份证后4位 1234').guests).toBeNull();
  });

  it('keeps only the last four characters of a full ID number, in any spelling', () => {
    for (const [text, tail] of [
      ['入住1人 张某 身份证110101199003071234 住1晚', '1234'],
      ['入住1人 张某 身份证 110101 19900307 123X', '123X'],
      ['入住1人 张某 11010119900307123x', '123X'],
      ['入住1人 张某 110101900307123', '7123'],
      ['入住1人 张某 ID110101199003071234住1晚', '1234'],
    ] as const) {
      const r = read(text);
      expect([text, r.idTails, r.fullIdsRefused]).toEqual([text, [tail], 1]);
      expect(JSON.stringify(r)).not.toMatch(/110101/);
    }
  });

  it('does not take a phone number for an ID number or a tail', () => {
    expect(read('今天入住1人 张某 13812345678 尾号1234')).toMatchObject({ idTails: ['1234'], fullIdsRefused: 0 });
  });

  it('reads follow-up answers as not opening a report of their own', () => {
    expect(read('住3晚')).toMatchObject({ nights: 3, checkInSaid: false, guests: null, checkIn: null });
    expect(read('张某 李某')).toMatchObject({ names: ['张某', '李某'], isReport: false });
    expect(read('尾号 1234 5678')).toMatchObject({ idTails: ['1234', '5678'], isReport: true, checkInSaid: false });
  });

  it('reads chat as no report', () => {
    for (const t of ['收到', '好的谢谢', '王哥辛苦了', '[抱拳]', '今天天气真好', '大家早上好']) expect([t, read(t).isReport]).toEqual([t, false]);
  });

  it('passes in UTC as in Shanghai: 今天 is the community\'s day', () => {
    // 2026-06-10 01:00 in Shanghai is still June 9 in UTC.
    expect(parseTenantReport('今天入住1人', Date.parse('2026-06-10T01:00:00+08:00')).checkIn).toBe('2026-06-10');
  });
});

describe('household addresses', () => {
  it('reads the usual spellings of one household as one key', () => {
    const keys = ['12号楼1单元602', '12-1-602', '12栋1单元602室', '十二号楼一单元六零二', '12幢1门602', '１２号楼１单元６０２'].map(householdKey);
    expect(new Set(keys)).toEqual(new Set(['12-1-602']));
  });

  it('does not take a tail after a space for a room', () => {
    expect(findHousehold('9号楼2单元 1234 5678')!.address).toEqual({ building: '9', unit: '2' });
    expect(findHousehold('9号楼2单元 301')!.address).toEqual(ADDR);
  });

  it('reads villages', () => {
    expect(findHousehold('郝庄村三组15号')!.address).toEqual({ village: '郝庄村', group: '3组', room: '15' });
  });

  it('says whether two addresses are one household', () => {
    expect(sameHousehold({ building: '12', room: '602' }, { building: '12', unit: '1', room: '602' })).toBe(true);
    expect(sameHousehold({ building: '12', unit: '2', room: '602' }, { building: '12', unit: '1', room: '602' })).toBe(false);
    expect(sameHousehold({ building: '12', unit: '1' }, { building: '12', unit: '1' })).toBe(false);
  });

  it('formats in full and masked', () => {
    expect(formatHousehold(ADDR)).toBe('9号楼2单元301');
    expect(formatHouseholdMasked(ADDR)).toBe('9号楼2单元');
  });
});

describe('a full ID number never survives parsing (property)', () => {
  it('leaves no run of 15 or more digits in what it returns, and always says it refused one, whatever surrounds the number', async () => {
    const fc = (await import('fast-check')).default;
    const id = fc.tuple(fc.stringMatching(/^[0-9]{17}$/), fc.constantFrom('0', '5', '9', 'X', 'x')).map(([a, b]) => a + b);
    const filler = fc.constantFrom('', ' ', '今天入住1人 ', '张某', '身份证', '尾号', ',', '住2晚', '9号楼2单元301', '１', '-');
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, id), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const r = parseTenantReport(text, NOW);
        const hasId = /[0-9]{17}[0-9Xx]/.test(text);
        return !/[0-9]{15,}/.test(JSON.stringify(r)) && (!hasId || r.fullIdsRefused > 0);
      }),
      { numRuns: 500 },
    );
  });
});
