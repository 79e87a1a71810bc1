/**
 * What the neighbourhood council (睦邻议事会) says. Summaries and tallies carry counts and short
 * masked quotes, never who said or voted what.
 */
import type { Topic, TopicAction, TopicStage, TopicTask, ViewSummary, VoteResult } from '../core/council.js';
import { excerpt } from '../core/privacy.js';
import { formatLocal } from '../core/time.js';

export const TOPIC_STAGE_NAMES: Record<TopicStage, string> = {
  raised: '已提出',
  discussing: '商议中',
  discussed: '商议结束',
  voting: '表决中',
  decided: '已决议',
  not_passed: '未通过',
  implementing: '落实中',
  evaluating: '评价中',
  evaluated: '已评价',
  withdrawn: '已撤回',
};

export const TOPIC_ACTION_NAMES: Record<TopicAction, string> = {
  raise: '提出',
  open_discussion: '开始商议',
  close_discussion: '商议结束',
  open_vote: '开始表决',
  pass: '表决通过',
  turn_down: '表决未通过',
  add_task: '分派任务',
  progress: '任务进展',
  finish_task: '任务完成',
  all_done: '落实完毕',
  close_rating: '评价结束',
  withdraw: '撤回',
};

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const topicRef = (t: Pick<Topic, 'id'> | number) => `#T${typeof t === 'number' ? t : t.id}`;
export const taskRef = (t: Pick<Topic, 'id'>, task: Pick<TopicTask, 'n'>) => `#T${t.id}-${task.n}`;
const title = (t: Topic) => `「${excerpt(t.title, 20)}」`;

/** `06-12(周五) 18:00`; a deadline at 23:59 is a whole day: `06-30(周二)`. */
export function formatDeadline(at: number): string {
  const day = `${formatLocal(at, 'MM-DD')}(${WEEKDAYS[Number(formatLocal(at, 'd'))]})`;
  const clock = formatLocal(at, 'HH:mm');
  return clock === '23:59' ? day : `${day} ${clock}`;
}

const stamp = (at: number) => formatLocal(at, 'MM-DD HH:mm');

function tallyLine(r: VoteResult, options: string[]): string {
  return options.map((o) => `${o}${r.counts[o] ?? 0}`).join('、');
}

function outcomeText(r: VoteResult, quorum: number): string {
  switch (r.outcome) {
    case 'passed':
      return `通过(${r.winner})`;
    case 'rejected':
      return `未通过(${r.winner}过半数)`;
    case 'no_quorum':
      return `投票人数未达到本群成员的${Math.round(quorum * 100)}%,表决无效`;
    case 'no_majority':
      return '没有选项过半数,未通过';
  }
}

export const councilMessages = {
  // ── 提出 ────────────────────────────────────────────────────────────
  raisedInGroup(t: Topic): string {
    return `新议题 ${topicRef(t)}:${excerpt(t.title, 40)}(${t.raisedByName}提出)。欢迎发表意见,回复「${topicRef(t)} 您的意见」。`;
  },
  raisedAck(t: Topic, gridName: string): string {
    return `议题 ${topicRef(t)} 已登记,并发到${gridName}群。`;
  },
  raiseWhere(): string {
    return '请在网格群里提出议题;在工作群或私信里请写明网格,例如「议题 一网格 5号楼加装电梯」。';
  },

  // ── 商议 ────────────────────────────────────────────────────────────
  discussionOpened(t: Topic, closesAt: number): string {
    return `${topicRef(t)}${title(t)}开始商议,${formatDeadline(closesAt)}截止。请回复「${topicRef(t)} 您的意见」,例如「${topicRef(t)} 同意,但要先问清费用」。`;
  },
  discussionSummary(t: Topic, s: ViewSummary): string {
    if (!s.total) return `${topicRef(t)}${title(t)}商议结束:没有收到意见。`;
    const quotes = s.excerpts.length ? `摘录:${s.excerpts.map((e) => `「${e}」`).join('')}` : '';
    return `${topicRef(t)}${title(t)}商议结束:共${s.total}条意见,同意${s.for}、反对${s.against}、其他${s.other}。${quotes}`;
  },
  discussionOpenedAck(t: Topic): string {
    return `${topicRef(t)} 已开始商议,已发到网格群。`;
  },

  // ── 决议 ────────────────────────────────────────────────────────────
  voteOpened(t: Topic, options: string[], deadline: number): string {
    return `${topicRef(t)}${title(t)}开始表决:${options.join(' / ')},${formatDeadline(deadline)}截止。本群成员回复「投票 ${topicRef(t)} ${options[0]}」(也可私信),一人一票,截止前可以改票。`;
  },
  voteOpenedAck(t: Topic): string {
    return `${topicRef(t)} 已开始表决,已发到网格群。`;
  },
  ballotRecorded(t: Topic, option: string): string {
    return `${topicRef(t)} 已记票:${option}。`;
  },
  ballotChanged(t: Topic, option: string): string {
    return `${topicRef(t)} 已改票为:${option}。`;
  },
  ballotSame(t: Topic, option: string): string {
    return `${topicRef(t)} 您已投「${option}」。`;
  },
  notMember(t: Topic, gridName: string, what: 'vote' | 'comment' | 'rate'): string {
    const verb = { vote: '投票', comment: '发表意见', rate: '评价' }[what];
    return `${topicRef(t)} 是${gridName}的议题,只有本群成员可以${verb}。`;
  },
  badOption(t: Topic, options: string[]): string {
    return `${topicRef(t)} 的选项是:${options.join(' / ')}。请回复「投票 ${topicRef(t)} ${options[0]}」。`;
  },
  voteEnded(t: Topic): string {
    return `${topicRef(t)} 表决已截止,结果马上公布。`;
  },
  ratingEnded(t: Topic): string {
    return `${topicRef(t)} 评价已结束,结果马上公布。`;
  },
  notVoting(t: Topic): string {
    return `${topicRef(t)} 现在${TOPIC_STAGE_NAMES[t.stage]},不在表决中。`;
  },
  voteResult(t: Topic, r: VoteResult, options: string[], quorum: number): string {
    return `${topicRef(t)}${title(t)}表决结果:${tallyLine(r, options)},共${r.voters}人投票(本群成员${r.members}人)。结果:${outcomeText(r, quorum)}。`;
  },
  voteResultToStaff(t: Topic, r: VoteResult, options: string[], quorum: number, gridName: string): string {
    const next = r.outcome === 'passed' ? `请分派任务:/任务 ${topicRef(t)} @负责人 内容 截止 6月30日` : `可以再商议(/讨论 ${topicRef(t)} 3天)或重新表决。`;
    return `${gridName} ${councilMessages.voteResult(t, r, options, quorum)}${next}`;
  },

  // ── 落实监督 ────────────────────────────────────────────────────────
  taskAdded(t: Topic, task: TopicTask): string {
    return `${taskRef(t, task)} 任务:${excerpt(task.text, 40)},负责人 @${task.ownerName},${formatDeadline(task.due)}截止。有进展请回复「进展 ${taskRef(t, task)} 情况」,办完回复「完成 ${taskRef(t, task)}」。`;
  },
  taskAddedAck(t: Topic, task: TopicTask): string {
    return `${taskRef(t, task)} 已分派给${task.ownerName},已发到网格群。`;
  },
  progressPosted(t: Topic, task: TopicTask, who: string, note: string): string {
    return `${taskRef(t, task)} 进展(${who}):${excerpt(note, 60)}`;
  },
  taskDone(t: Topic, task: TopicTask, who: string, note: string, left: number): string {
    const rest = left ? `还有${left}项任务未完成。` : '';
    return `${taskRef(t, task)}「${excerpt(task.text, 20)}」已完成(${who})${note ? `:${excerpt(note, 40)}` : ''}。${rest}`;
  },
  postedAck(t: Topic, task: TopicTask): string {
    return `${taskRef(t, task)} 已记录,并发到网格群。`;
  },
  taskAlreadyDone(t: Topic, task: TopicTask): string {
    return `${taskRef(t, task)} 已经完成了。`;
  },
  taskReminder(t: Topic, task: TopicTask): string {
    return `@${task.ownerName} ${taskRef(t, task)}「${excerpt(task.text, 20)}」将于${formatDeadline(task.due)}到期,有进展请回复「进展 ${taskRef(t, task)} 情况」。`;
  },
  taskOverdue(t: Topic, task: TopicTask, supervisors: string[]): string {
    const sup = supervisors.length ? `${supervisors.map((n) => `@${n}`).join(' ')} 请督办。` : '';
    return `${taskRef(t, task)}「${excerpt(task.text, 20)}」已到期未完成,@${task.ownerName} 请说明进展。${sup}`;
  },
  taskEscalated(t: Topic, task: TopicTask, gridName: string, chiefName: string | null): string {
    return `${taskRef(t, task)}(${gridName}·议题${title(t)})超期未完成:${excerpt(task.text, 30)},负责人${task.ownerName},${formatDeadline(task.due)}到期。${chiefName ? `请${chiefName}督办。` : '请督办。'}`;
  },

  // ── 结果评价 ────────────────────────────────────────────────────────
  askRating(t: Topic, days: number): string {
    return `${topicRef(t)}${title(t)}的任务已全部完成。请本群居民为落实结果打分(1–5):回复「评价 ${topicRef(t)} 5」,也可以附上意见。${days}天后公布结果。`;
  },
  rated(t: Topic, score: number): string {
    return `谢谢!${topicRef(t)} 已记下您的评分(${score}分)。`;
  },
  notRatable(t: Topic): string {
    return `${topicRef(t)} 现在${TOPIC_STAGE_NAMES[t.stage]},还不能评价。`;
  },
  ratingResult(t: Topic, average: number | null, count: number): string {
    const r = average === null ? '没有人打分' : `${count}人打分,平均${average}分`;
    return `${topicRef(t)}${title(t)}评价结束:${r}。议事全过程已记录,发送「/议题 ${topicRef(t)}」可查看。`;
  },

  // ── answers and refusals ───────────────────────────────────────────
  commentKept(t: Topic): string {
    return `已记下您对 ${topicRef(t)} 的意见。`;
  },
  wholeCommunity(): string {
    return '全社区';
  },
  topicNotFound(id: number): string {
    return id > 0 ? `没有找到议题 #T${id}。` : '没有找到这个议题编号。';
  },
  taskNotFound(t: Topic, n: number): string {
    return `${topicRef(t)} 没有第${n}项任务。`;
  },
  managersOnly(): string {
    return '这个指令只有社区工作人员或本网格网格员可以使用。';
  },
  notOwner(t: Topic, task: TopicTask): string {
    return `${taskRef(t, task)} 只有负责人或工作人员可以更新。`;
  },
  notNow(t: Topic, action: TopicAction): string {
    return `${topicRef(t)} 现在${TOPIC_STAGE_NAMES[t.stage]},不能${TOPIC_ACTION_NAMES[action]}。`;
  },
  badDeadline(): string {
    return '没看懂截止时间,请写成「截止 周五 18:00」或「截止 6月30日」。';
  },
  deadlinePast(): string {
    return '截止时间已经过了,请换一个以后的时间。';
  },
  badLength(t: Topic): string {
    return `没看懂商议时长,请写「/讨论 ${topicRef(t)} 3天」或「/讨论 ${topicRef(t)} 截止 周五 18:00」。`;
  },
  taskWho(t: Topic): string {
    return `任务交给谁?请写「/任务 ${topicRef(t)} @负责人 内容 截止 6月30日」。`;
  },
  unknownPerson(name: string): string {
    return `没有找到「${excerpt(name, 12)}」,请 @ 本群里的人,或写配置里的名字。`;
  },
  usage(command: string): string {
    const u: Record<string, string> = {
      topic: '议题 5号楼加装电梯 · /议题 #T2 · /议题 · /议题 #T2 撤回 原因',
      discuss: '/讨论 #T2 3天 · /讨论 #T2 截止 周五 18:00 · /讨论 #T2 结束',
      vote: '/表决 #T2 同意 反对 弃权 截止 周五 18:00(选项2–8个)',
      task: '/任务 #T2 @负责人 内容 截止 6月30日',
      ballot: '投票 #T2 同意',
      progress: '进展 #T2-1 已联系施工方',
      done: '完成 #T2-1 备注',
      rate: '评价 #T2 5 很满意',
    };
    return `格式:${u[command] ?? '/帮助 议事'}`;
  },
  withdrawn(t: Topic, byName: string, reason: string): string {
    return `${topicRef(t)}${title(t)}已由${byName}撤回${reason ? `:${reason}` : ''}。商议、表决和任务都不再进行,意见可以另提议题。`;
  },
  withdrawnToTaskOwner(t: Topic): string {
    return `${topicRef(t)}${title(t)}已撤回,您负责的任务不用再办,也不会再有提醒。`;
  },
  withdrawnAck(t: Topic): string {
    return `已撤回 ${topicRef(t)},本网格群已通知。`;
  },
  withdrawOnlyRaiser(t: Topic): string {
    return `${topicRef(t)} 已开始办理,只有工作人员和本网格网格员可以撤回。`;
  },
  help(): string {
    return [
      '议事会(提出→商议→决议→落实→评价):',
      '大家:议题 5号楼加装电梯 · #T2 我同意,但… · 投票 #T2 同意 · 评价 #T2 5 · /议题 #T2 查看记录 · /议题 列出进行中的议题',
      '工作人员和本网格网格员:/讨论 #T2 3天 · /讨论 #T2 结束 · /表决 #T2 同意 反对 弃权 截止 周五 18:00 · /任务 #T2 @负责人 内容 截止 6月30日 · /议题 #T2 撤回 原因',
      '任务负责人:进展 #T2-1 情况 · 完成 #T2-1 备注',
    ].join('\n');
  },

  // ── the record ─────────────────────────────────────────────────────
  card(t: Topic, gridName: string, nameOf: (id: string) => string, quorum: number, live: { views: number; ballots: number; ratings: number }): string {
    const lines = [`${topicRef(t)} ${excerpt(t.title, 40)}(${gridName})· ${TOPIC_STAGE_NAMES[t.stage]}`, `提出:${t.raisedByName} ${stamp(t.createdAt)}`];
    if (t.discussion) {
      const s = t.discussion.summary;
      const views = s ? `,意见${s.total}条(同意${s.for}、反对${s.against}、其他${s.other})` : `,已有意见${live.views}条`;
      lines.push(`商议:${stamp(t.discussion.opensAt)} 至 ${stamp(t.discussion.closesAt)}${views}`);
    }
    if (t.vote) {
      const r = t.vote.result;
      lines.push(
        r
          ? `决议:${tallyLine(r, t.vote.options)},${r.voters}/${r.members}人投票 → ${outcomeText(r, quorum)}`
          : `决议:表决中(${t.vote.options.join(' / ')}),${formatDeadline(t.vote.deadline)}截止,已有${live.ballots}人投票`,
      );
    }
    for (const task of t.tasks) {
      const state = task.doneAt !== null ? `已完成 ${stamp(task.doneAt)}` : `${formatDeadline(task.due)}截止`;
      const last = task.progress.at(-1);
      lines.push(`落实:${taskRef(t, task)} ${excerpt(task.text, 24)} · ${task.ownerName} · ${state}${last && task.doneAt === null ? ` · 最新进展:${excerpt(last.text, 20)}` : ''}`);
    }
    if (t.evaluation) {
      lines.push(t.stage === 'evaluated' ? `评价:${t.evaluation.average === null ? '没有人打分' : `平均${t.evaluation.average}分(${t.evaluation.count}人)`}` : `评价:进行中,已有${live.ratings}人打分,${formatDeadline(t.evaluation.closesAt)}结束`);
    }
    lines.push('经过:');
    for (const h of t.history.slice(-20)) lines.push(`· ${stamp(h.at)} ${TOPIC_ACTION_NAMES[h.action]} ${nameOf(h.by)}${h.note ? `:${excerpt(h.note, 40)}` : ''}`);
    return lines.join('\n');
  },
  list(topics: Topic[], scope: string): string {
    if (!topics.length) return `${scope}目前没有进行中的议题。`;
    const shown = topics.slice(0, 15).map((t) => `${topicRef(t)} ${TOPIC_STAGE_NAMES[t.stage]} ${excerpt(t.title, 20)}`);
    const more = topics.length > shown.length ? `\n……共${topics.length}个` : '';
    return `${scope}进行中的议题${topics.length}个:\n${shown.join('\n')}${more}`;
  },
};

/** Notes kept in a topic's audit trail (shown by `/议题 #T2`). */
export const councilNotes = {
  discussionOpened(closesAt: number): string {
    return `至${formatDeadline(closesAt)}`;
  },
  discussionClosed(s: ViewSummary): string {
    return `意见${s.total}条(同意${s.for} 反对${s.against} 其他${s.other})`;
  },
  voteOpened(options: string[], deadline: number): string {
    return `${options.join('/')},${formatDeadline(deadline)}截止`;
  },
  voteClosed(r: VoteResult, options: string[], quorum: number): string {
    return `${tallyLine(r, options)},${r.voters}/${r.members}人投票,${outcomeText(r, quorum)}`;
  },
  taskAdded(t: Pick<Topic, 'id'>, task: TopicTask): string {
    return `${taskRef(t, task)} ${excerpt(task.text, 30)}(${task.ownerName},${formatDeadline(task.due)}截止)`;
  },
  taskUpdate(t: Pick<Topic, 'id'>, task: TopicTask, note: string): string {
    return `${taskRef(t, task)}${note ? ` ${excerpt(note, 40)}` : ''}`;
  },
  ratingClosed(average: number | null, count: number): string {
    return average === null ? '没有人打分' : `平均${average}分(${count}人)`;
  },
};
