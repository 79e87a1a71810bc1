import fs from 'node:fs';
import { readScript, Simulator, type ScriptStep, type TranscriptLine } from '../../src/adapters/wechaty/simulator.js';
import { JournalStore } from '../../src/adapters/store/journal-store.js';
import { demoConfig } from '../helpers/fixtures.js';
import { G1, STAFF, tmpDir } from '../helpers/sim.js';

const G2 = 'grid2@chatroom';

/** Plays a script from its first clock line, as `npm run sim` does. */
async function play(script: ScriptStep[], dataDir = tmpDir()) {
  const first = script.find((s): s is { at: string } => 'at' in s && !('restart' in s));
  const sim = await Simulator.create({ config: demoConfig(), dataDir, script, startAt: first ? Date.parse(first.at) : undefined });
  try {
    await sim.playAll(script);
  } finally {
    await sim.stop();
  }
  return sim;
}

/** `MM-DD HH:mm` of a transcript line, in Asia/Shanghai. */
const when = (l: TranscriptLine) => l.at.slice(5, 16).replace('T', ' ');
const bot = (t: TranscriptLine[], where?: string) => t.filter((l) => l.bot && (!where || l.room === where || l.to === where));
const about = (t: TranscriptLine[], pattern: RegExp) => bot(t).filter((l) => pattern.test(l.text)).map((l) => [when(l), l.room ?? `→${l.to}`, l.text]);

describe('a day the bot runs on its own (scenarios/day.jsonl)', () => {
  let t: TranscriptLine[];
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tmpDir();
    const script = readScript(fs.readFileSync('scenarios/day.jsonl', 'utf8'), 'day.jsonl');
    expect(script.some((s) => 'restart' in s)).toBe(true);
    t = (await play(script, dataDir)).transcript;
  });

  it('climbs the escalation ladder for an unclaimed order step by step, two hours apart, up to the staff room at 17:30', () => {
    expect(about(t, /^(#4 .*无人接单|【升级】一网格 #4)/).map(([at, where]) => [at, where])).toEqual([
      ['06-08 11:30', G1],
      ['06-08 13:30', G1],
      ['06-08 15:30', G1],
      ['06-08 17:30', STAFF],
    ]);
    const [group, worker, chief, staff] = about(t, /^(#4 .*无人接单|【升级】一网格 #4)/).map((x) => x[2]);
    expect(group).toContain('@李师傅 @张师傅 哪位方便');
    expect(worker).toContain('@网格员小李 请协调');
    expect(chief).toContain('@赵网格长 请协调派单');
    expect(staff).toMatch(/已8小时无人接单[\s\S]*· 06-08 09:30 委托 李奶奶/);
  });

  it('posts the morning digest in every grid group at 08:00, with who is on duty (phone masked)', () => {
    const digests = about(t, /^早上好/);
    expect(digests.map(([at, where]) => [at, where])).toEqual([
      ['06-08 08:00', G1], ['06-08 08:00', G2], ['06-08 08:00', 'grid3@chatroom'],
      ['06-09 08:00', G1], ['06-09 08:00', G2], ['06-09 08:00', 'grid3@chatroom'],
    ]);
    expect(digests[0]![2]).toBe('早上好!一网格办理中2件。今天值班:刘书记 139****0001。');
    expect(digests[3]![2]).toBe('早上好!一网格办理中1件。今天值班:孙主任 139****0002。');
  });

  it('posts the weekly summary on Monday morning and the evening summary at 18:00 in the staff room', () => {
    expect(about(t, /^上周小结/).map(([at, where]) => [at, where])).toEqual([['06-08 09:00', STAFF]]);
    const evening = about(t, /^今日小结/);
    expect(evening.map(([at, where]) => [at, where])).toEqual([['06-08 18:00', STAFF]]);
    expect(evening[0]![2]).toContain('今日升级到社区1件(#4)');
  });

  it('holds what is not urgent in quiet hours and sends it at 07:00, once', () => {
    // The call for the electricity bill ordered at 22:40 goes out at 07:00.
    expect(about(t, /^#2 .*哪位方便/).map(([at]) => at)).toEqual(['06-08 07:00']);
    expect(about(t, /^已登记 #2/)[0]![2]).toContain('明早07:00通知本网格志愿者');
    // #1's first reminder fell due at 23:30 and waited for the morning.
    expect(about(t, /^#1 .*无人接单/).map(([at]) => at)).toEqual(['06-08 07:00']);
  });

  it('lets everything about an urgent order through at night: its call, its reminder 15 minutes later, its report', () => {
    expect(about(t, /^#3 .*哪位方便/).map(([at]) => at)).toEqual(['06-07 23:10', '06-07 23:25']);
    expect(about(t, /^#3 已办结上报/).map(([at, where]) => [at, where])).toEqual([['06-08 00:30', STAFF]]);
  });

  it('asks for the follow-up (回访) a day after completion, held to the morning when due at night', () => {
    expect(about(t, /回访:/)).toEqual([['06-09 07:00', G2, '#3 回访:@孙大妈 您的家庭维修已办结,这次服务您满意吗?请回复1–5打分。']]);
  });

  it('answers volunteers\' duty and leave commands', () => {
    expect(about(t, /^今天\(/)).toEqual([['06-08 14:00', G1, '今天(6月8日 周一)值班:刘书记 139****0001。']]);
    expect(about(t, /^已记下:吴大姐请假/).map(([at]) => at)).toEqual(['06-08 14:00']);
  });

  it('repeats nothing across the restart in the middle of the day, and leaves nothing unsent', async () => {
    const seen = new Set<string>();
    for (const l of bot(t)) {
      const key = `${l.room ?? l.to}|${l.text}`;
      expect(seen.has(key) ? key : null).toBeNull();
      seen.add(key);
    }
    const store = await JournalStore.open(dataDir, { readOnly: true });
    expect(store.size('outbox')).toBe(0);
    expect(store.size('held')).toBe(0);
    expect(store.get('sent', 'esc:4:1')).toMatchObject({ key: 'esc:4:1' });
  });
});

describe('scheduling across restarts', () => {
  const REQUEST = { from: 'res-li', name: '李奶奶', room: G1, text: '7号楼3单元马桶堵了 麻烦来人看看 13833334444' };

  it('sends once, on start, the step that fell due while the bot was down, and the next a step later', async () => {
    const sim = await play([
      { at: '2026-06-10T09:30:00+08:00' },
      REQUEST,
      { restart: true, at: '2026-06-10T16:00:00+08:00' },
      { at: '2026-06-10T18:30:00+08:00' },
    ]);
    expect(about(sim.transcript, /无人接单/).map(([at, , text]) => [at, text.replace(/,@.*/, '')])).toEqual([
      ['06-10 16:00', '#1 家庭维修 7号楼3单元 已6小时30分钟无人接单'],
      ['06-10 18:00', '#1 家庭维修 7号楼3单元 已8小时30分钟无人接单'],
    ]);
  });

  it('does not send a morning digest of a day it was down for, after 11:00', async () => {
    const sim = await play([
      { at: '2026-06-10T07:00:00+08:00' },
      REQUEST,
      { restart: true, at: '2026-06-10T09:00:00+08:00' },
      { restart: true, at: '2026-06-11T15:00:00+08:00' },
    ]);
    expect(about(sim.transcript, /^早上好/).map(([at, where]) => [at, where])).toEqual([
      ['06-10 09:00', G1], ['06-10 09:00', G2], ['06-10 09:00', 'grid3@chatroom'],
    ]);
  });

  it('restarts many times at the same moment without repeating a reminder', async () => {
    const sim = await play([
      { at: '2026-06-10T09:30:00+08:00' },
      REQUEST,
      { at: '2026-06-10T11:30:01+08:00' },
      { restart: true },
      { restart: true },
      { at: '2026-06-10T12:00:00+08:00' },
      { restart: true },
    ]);
    expect(about(sim.transcript, /无人接单/)).toHaveLength(1);
  });
});
