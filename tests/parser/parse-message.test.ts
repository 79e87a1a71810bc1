import { jest } from '@jest/globals';
import { REQUEST_CONFIDENCE_THRESHOLD, isOrderReading, parseMessage } from '../../src/core/parse-message.js';
import type { CatalogueEntry } from '../../src/core/model.js';
import { DEFAULT_CATALOGUE } from '../../src/core/vocabulary.js';
import { compileCatalogue } from '../../src/core/parser/match-categories.js';

/** Wednesday 2026-06-10 09:30 in Shanghai, as in the corpus. */
const NOW = Date.parse('2026-06-10T09:30:00+08:00');
const read = (text: string, now: number = NOW) => parseMessage(text, now);

describe('intent', () => {
  it('reads 低保怎么申请 as a question about civil affairs', () => {
    expect(read('低保怎么申请')).toMatchObject({ intent: 'question', category: 'civil_affairs' });
  });
  it('reads 帮我申请下低保 as a proxy request', () => {
    expect(read('帮我申请下低保 12号楼3单元401室')).toMatchObject({ intent: 'proxy', category: 'civil_affairs' });
  });
  it('reads a bare breakage report with an address as a service request', () => {
    const r = read('3号楼2单元501水管漏了');
    expect(r).toMatchObject({ intent: 'service', category: 'home_repair' });
    expect(isOrderReading(r)).toBe(true);
  });
  it('reads 社区能帮忙交电费吗 as a question, not an order', () => {
    expect(read('社区能帮忙交电费吗？').intent).toBe('question');
  });
  it('reads 不用了已经修好了 as chat', () => {
    expect(read('不用了 已经修好了 谢谢').intent).toBe('chat');
  });
  it('reads thanks for a past service as chat even with 帮我', () => {
    expect(read('上回帮我家交的电费已经到账了 谢谢小李').intent).toBe('chat');
  });
  it('reads a resolved false alarm as chat and not urgent', () => {
    expect(read('夜来那个燃气味是楼下在熬中药 虚惊一场 没事了')).toMatchObject({ intent: 'chat', urgent: false });
  });
  it('reads a notice to everyone as chat', () => {
    expect(read('@全体成员 请各楼长今天下班前统计本楼独居老人名单').intent).toBe('chat');
  });
  it('reads an advertisement as chat', () => {
    expect(read('专业疏通下水道 马桶 价格优惠 电话13812340000').intent).toBe('chat');
  });
  it('reads a noise complaint with a counterparty as a dispute', () => {
    expect(read('楼上天天半夜剁饺子馅 说了几次也不听 6号楼2单元302').intent).toBe('dispute');
  });
  it('reads greetings, stickers and acknowledgements as chat', () => {
    for (const t of ['收到', '嗯嗯[表情]', '[呲牙][呲牙]', '早上好🌞', '好的 谢谢网格员']) expect(read(t).intent).toBe('chat');
  });
  it('reads a greeting in front of a request as the request', () => {
    expect(read('早晨好！麻烦网格员帮我收个快递，下周一到，放社区就行，谢谢🙏')).toMatchObject({
      intent: 'proxy', category: 'parcel', when: '2026-06-15',
    });
  });
  it('reads a volunteer reply as chat', () => {
    expect(read('好的 我下午有空 我去吧').intent).toBe('chat');
  });
  it('keeps confidence in 0..1 and exports the order threshold', () => {
    expect(REQUEST_CONFIDENCE_THRESHOLD).toBe(0.6);
    for (const t of ['收到', '帮我取个快递', '低保怎么申请', '楼上吵 说了不听']) {
      const c = read(t).confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
  it('opens no order for a voice-assistant query with 帮我', () => {
    expect(isOrderReading(read('帮我查一下杭州到长春的飞机航班'))).toBe(false);
  });
});

describe('dialect, typos and voice input', () => {
  it('reads 一保卡 as 医保卡 (social insurance)', () => {
    expect(read('一保卡丢了 得补办 能不能帮我办一下').category).toBe('social_insurance');
  });
  it('reads 滴保 as 低保 and 身份正 as 身份证', () => {
    expect(read('俺爹的滴保年审到了 帮俺办一下').category).toBe('civil_affairs');
    expect(read('身份正丢了咋补').category).toBe('household_registration');
  });
  it('reads 俺 and 咋 and 啥 as their Mandarin forms', () => {
    expect(read('俺家马桶堵了 谁给弄一下 十二号楼三单元')).toMatchObject({ intent: 'service', address: { building: '12', unit: '3' } });
    expect(read('医保卡丢了咋补办').intent).toBe('question');
  });
  it('reads unpunctuated voice-to-text with a Chinese building number', () => {
    const r = read('我说一下那个谁家的那个车天天堵在单元门口我们老人推轮椅都出不去说了也不挪希望网格员管一下十四号楼');
    expect(r).toMatchObject({ intent: 'dispute', address: { building: '14' } });
  });
});

describe('time', () => {
  it('reads 明天下午3点 as 15:00 the next day', () => {
    expect(read('明天下午3点家里有人 麻烦来修下马桶').when).toBe('2026-06-11T15:00');
  });
  it('reads 后天上午 as a date without an hour', () => {
    expect(read('后天上午谁有空帮我打扫下卫生').when).toBe('2026-06-12');
  });
  it('reads a weekday with a bare 下午 as that date', () => {
    expect(read('周五下午我在家 谁有空来给修一下窗户合页').when).toBe('2026-06-12');
  });
  it('reads 下周一 as Monday of next week', () => {
    expect(read('麻烦网格员帮我收个快递 下周一到').when).toBe('2026-06-15');
  });
  it('reads 周末 as the coming Saturday', () => {
    expect(read('周末谁有空来帮我擦擦窗户').when).toBe('2026-06-13');
  });
  it('reads a day number without a month as this month when still ahead', () => {
    expect(read('15号要去医院拿药 谁能陪我去一趟').when).toBe('2026-06-15');
  });
  it('reads a passed day number as next month', () => {
    expect(read('5号要去医院复查 谁能陪我去一趟').when).toBe('2026-07-05');
  });
  it('reads 6月16号早上 as the date only', () => {
    expect(read('6月16号早上要去医院做手术 得有个人陪着').when).toBe('2026-06-16');
  });
  it('reads 明儿个 (Shanxi) as tomorrow and 后晌 as afternoon', () => {
    expect(read('明儿个后晌3点来帮俺修下灯').when).toBe('2026-06-11T15:00');
  });
  it('reads 今晚7点以后 as 19:00 today', () => {
    expect(read('谁能帮忙一起清一下垃圾 今晚7点以后在').when).toBe('2026-06-10T19:00');
  });
  it('reads 下午4点半 with 明天 elsewhere in the text', () => {
    expect(read('孩子明天放学我接不了 有没有志愿者能帮接一下 下午4点半放学').when).toBe('2026-06-11T16:30');
  });
  it('reads a deadline 3点前 as its date', () => {
    expect(read('帮我把这份材料复印两份 下午3点前要交').when).toBe('2026-06-10');
  });
  it('gives no time for vague 过两天 and 这个月内', () => {
    expect(read('过两天想请人来帮着打扫打扫').when).toBeNull();
    expect(read('能不能派个人来帮着擦擦 这个月内都行').when).toBeNull();
  });
  it('gives no time for a past reference (上周五就报了, 前天刚修的)', () => {
    expect(read('单元门禁坏了 上周五就报了 到现在没人来修 9号楼3单元').when).toBeNull();
    expect(read('前天刚修的暖气片又渗水了 麻烦师傅再来看看').when).toBeNull();
  });
  it('gives no time for 一周一次 (a count of weeks, not Monday)', () => {
    expect(read('麻烦志愿者给我家老人助个浴 一周一次就行').when).toBeNull();
  });
  it('does not read 一早上 (all morning) as a time', () => {
    expect(read('电话打了一早上没人接 麻烦谁赶紧去敲敲门看看').when).toBeNull();
  });
  it('gives no time to chat or questions', () => {
    expect(read('明天停水吗').when).toBeNull();
    expect(read('今天下午的理发活动取消了 改到下周二 请互相转告').when).toBeNull();
  });
  it('rolls a bare clock time already past today into tomorrow', () => {
    expect(read('8点能来吗 厨房水管漏了').when).toBe('2026-06-11T08:00');
  });
  it('resolves 明天 in Shanghai just after local midnight (UTC still the day before)', () => {
    const justAfterMidnight = Date.parse('2026-06-10T00:30:00+08:00'); // 2026-06-09T16:30Z
    expect(read('明天上午谁有空帮我取个快递', justAfterMidnight).when).toBe('2026-06-11');
  });
  it('resolves 明天 in Shanghai late in the evening (UTC already afternoon)', () => {
    const lateEvening = Date.parse('2026-06-10T23:30:00+08:00');
    expect(read('明天上午谁有空帮我取个快递', lateEvening).when).toBe('2026-06-11');
  });
  it('reads numeric dates: 6/20 by our rules, 2026-06-16 through chrono', () => {
    expect(read('6/20下午3点要去医院 谁能陪我去一趟').when).toBe('2026-06-20T15:00');
    expect(read('2026-06-16上午要去医院复查 谁能陪我去').when).toBe('2026-06-16');
    expect(read('2026年6月18日谁能帮我去医院拿药').when).toBe('2026-06-18');
  });
  it('gives no time for a numeric date already past', () => {
    expect(read('2026-06-01要去医院 谁能陪我去').when).toBeNull();
  });
  it('accepts now as a Date as well as a number', () => {
    expect(parseMessage('明天上午谁有空帮我取个快递', new Date(NOW)).when).toBe('2026-06-11');
  });
});

describe('phone', () => {
  it.each([
    ['电话 138 1234 5678', '13812345678'],
    ['电话138-1234-5678', '13812345678'],
    ['+86 186 0351 2345', '18603512345'],
    ['联系１５８３４５６７７２１', '15834567721'],
    ['电话幺三九三五一零二二三三', '13935102233'],
  ])('reads %s as a mobile', (text, phone) => {
    expect(read(`帮我交一下电费 ${text}`).phone).toBe(phone);
  });
  it('does not read a landline, a 户号 or an ID number as a phone', () => {
    expect(read('有事打座机0351-7654321').phone).toBeNull();
    expect(read('帮我妈交一下水费 户号0023561').phone).toBeNull();
    expect(read('身份证号140102195001011234').phone).toBeNull();
  });
});

describe('address', () => {
  it('reads 三号楼二单元四零二 with ASCII digits', () => {
    expect(read('三号楼二单元四零二水管漏了').address).toEqual({ building: '3', unit: '2', room: '402' });
  });
  it('reads 9-2-301 as building-unit-room', () => {
    expect(read('马桶堵了 9-2-301').address).toEqual({ building: '9', unit: '2', room: '301' });
  });
  it('reads 27#楼 and 3栋1单元101', () => {
    expect(read('垃圾没人拉 27#楼那边').address).toEqual({ building: '27' });
    expect(read('下水堵了 3栋1单元101').address).toEqual({ building: '3', unit: '1', room: '101' });
  });
  it('reads a village and its group', () => {
    expect(read('俺家的水费帮着交一下 杨家堡村一组').address).toEqual({ village: '杨家堡村', group: '一组' });
  });
  it('does not read 村里 as a village name', () => {
    expect(read('想请村里出面给评评理 石家村二组').address).toEqual({ village: '石家村', group: '二组' });
  });
  it('does not record a floor alone', () => {
    expect(read('谁能过来帮我把他弄下楼 没电梯 住7楼').address).toBeNull();
  });
  it('asks for an address only when a service request names none', () => {
    expect(read('谁能帮我去超市买点菜').missing).toContain('address');
    expect(read('谁能帮我去超市买点菜 5号楼').missing).not.toContain('address');
    expect(read('帮我申请下低保').missing).not.toContain('address');
  });
});

describe('urgency', () => {
  it('reads 急, 赶紧, 着火 and 老人摔倒 as urgent', () => {
    expect(read('急急急！我妈在家摔倒了 谁离得近过去看看 6号楼2单元401').urgent).toBe(true);
    expect(read('5号楼下面垃圾桶冒烟着火了！！！快来人').urgent).toBe(true);
  });
  it('reads 不急 and 不着急 as not urgent', () => {
    expect(read('不着急哈 卧室窗户合页松了 谁有空来给紧一紧').urgent).toBe(false);
    expect(read('纱窗掉了 不急 哪天有空来给装一下').urgent).toBe(false);
  });
  it('does not read a stove that will not light (打不着火) as a fire', () => {
    expect(read('燃气灶打不着火 谁能来帮忙看看 3号楼').urgent).toBe(false);
  });
  it('reads a power cut with an old person alone as urgent', () => {
    expect(read('停电了 我妈一个人在家 谁能过去陪陪她 13号楼1单元').urgent).toBe(true);
  });
  it('never marks chat urgent', () => {
    expect(read('转：夏季防溺水安全提示 家长们一定要看好孩子！！！').urgent).toBe(false);
  });
});

describe('summary', () => {
  it('drops greeting, mention, address and phone', () => {
    const r = read('@网格员小李\u2005您好 3号楼2单元501水管漏了 电话13812345678');
    expect(r.summary).toBe('水管漏了');
  });
  it('stays within 30 characters', () => {
    const r = read('大家好，打扰了。我是3号楼2单元的住户，周五上午要带我家老人去医院拍片子，老人坐轮椅，我一个人上下台阶推不动，想找个志愿者搭把手，谢谢大家。');
    expect(r.summary.length).toBeLessThanOrEqual(30);
    expect(r.summary).not.toMatch(/3号楼|2单元/);
  });
  it('never contains a room number written in Chinese digits', () => {
    expect(read('三号楼二单元四零二 马桶堵了').summary).toBe('马桶堵了');
  });
});

describe('catalogue from configuration', () => {
  const custom: CatalogueEntry[] = [
    { key: 'elderly_care', kind: 'service', name: '助老服务', keywords: ['剪指甲'] },
    { key: 'tutoring', kind: 'service', name: '作业辅导', keywords: ['辅导作业'] },
  ];
  it('extends a built-in entry with a community word', () => {
    expect(parseMessage('谁能来帮我家老人剪指甲 5号楼', NOW, { catalogue: custom }).category).toBe('elderly_care');
  });
  it('adds a new key', () => {
    expect(parseMessage('谁有空帮我家孩子辅导作业 5号楼', NOW, { catalogue: custom }).category).toBe('tutoring');
  });
  it('keeps the built-in keywords when a catalogue is configured', () => {
    expect(parseMessage('帮我交一下电费', NOW, { catalogue: custom }).category).toBe('utility_payment');
  });
  it('compiles a catalogue once per catalogue object', () => {
    expect(compileCatalogue(custom)).toBe(compileCatalogue(custom));
    expect(compileCatalogue()).toBe(compileCatalogue(DEFAULT_CATALOGUE));
  });
  it('keeps every default entry key', () => {
    expect(DEFAULT_CATALOGUE.map((e) => e.key)).toEqual([
      'civil_affairs', 'social_insurance', 'household_registration', 'utility_payment', 'parcel', 'copy_print',
      'property_maintenance', 'home_repair', 'errand', 'elderly_care', 'medical_escort', 'cleaning', 'moving_help',
      'other_service',
    ]);
  });
});

describe('odd input', () => {
  it('reads an empty message as chat', () => {
    expect(read('')).toMatchObject({ intent: 'chat', address: null, phone: null, when: null, summary: '' });
  });
  it('reads a very long message quickly and keeps the summary short', () => {
    const long = '楼上天天半夜吵 说了不听 '.repeat(2000);
    const start = performance.now();
    const r = read(long);
    expect(performance.now() - start).toBeLessThan(500);
    expect(r.summary.length).toBeLessThanOrEqual(30);
  });
});

describe('purity', () => {
  it('reads the same text the same way and never looks at the clock', () => {
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('parseMessage must not read the clock');
    });
    try {
      const a = read('明天下午3点谁有空帮我取个快递 5号楼');
      const b = read('明天下午3点谁有空帮我取个快递 5号楼');
      expect(a).toEqual(b);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('messages that look like requests but are not', () => {
  it('reads a relayed message (请帮我转告) as chat', () => {
    expect(read('您好 请帮我转告3号楼的张阿姨 她的快递到了').intent).toBe('chat');
  });
  it('reads a staff status reply (已联系物业) as chat', () => {
    expect(read('已联系物业 明天上午来修').intent).toBe('chat');
  });
  it('reads 帮我们申请的低保下来了吗 (a 帮…的 clause) as a question', () => {
    expect(read('社区帮我们申请的低保下来了吗').intent).toBe('question');
  });
  it('reads 修好了没有 as a question, not as settled', () => {
    expect(read('电梯修好了没有 我妈还等着下楼呢').intent).toBe('question');
  });
  it('reads praise for helpers as chat', () => {
    expect(read('今天帮忙搬家的几个小伙子太给力了 谢谢你们').intent).toBe('chat');
  });
  it('reads a resident notice to others (需要…的居民) as chat', () => {
    expect(read('社区现在可以帮忙代收快递了 需要的居民可以联系网格员').intent).toBe('chat');
  });
  it('reads 麻烦问一下 as a question', () => {
    expect(read('麻烦问一下 驿站在哪个门').intent).toBe('question');
  });
  it('reads 谁能教教我怎么交电费 as a question', () => {
    expect(read('谁能教教我怎么在手机上交电费').intent).toBe('question');
  });
  it('still reads a new request after thanks for an old one', () => {
    expect(read('谢谢小李昨天帮我家修好了灯 今天又麻烦你了 厨房水龙头也漏水 能再来看看吗 8号楼1单元').intent).toBe('service');
  });
});
