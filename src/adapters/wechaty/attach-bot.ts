/**
 * The only code that touches Wechaty objects: Message → InboundMessage, Reply → puppet send.
 * Every handler catches: Wechaty does not await listeners, and a rejection would kill the process.
 */
import type { Message, Wechaty as WechatyInterface } from 'wechaty';
import * as PUPPET from 'wechaty-puppet';
import { FileBox } from 'file-box';
import type { Clock, InboundMessage, Reply } from '../../app/ports.js';
import { maskForGroup } from '../../core/mask-for-group.js';
import type { Logger } from '../log.js';
import type { AppEndpoint } from '../app-endpoint.js';
import { OutgoingQueue, type PacingOptions } from './outgoing-queue.js';

/** What is read of one message at most, before any other work (the app reads less still). */
export const MAX_RAW_TEXT = 10_000;

export interface AttachOptions {
  clock: Clock;
  log: Logger;
  pacing: PacingOptions;
  /** Messages older than start-up minus this are history replayed after a re-login: ignored. */
  startupGraceMs?: number;
  /** Called once the app has applied an inbound message (before its replies are on disk and sent). */
  onApplied?: () => void;
}

export interface AttachedBot {
  queue: OutgoingQueue;
  /** Resolves when every inbound message seen so far is handled and its replies are sent. */
  idle(): Promise<void>;
  /** Stop taking messages (shutdown). */
  pause(): void;
  /** Inbound messages being handled right now. */
  readonly busy: number;
}

/** Remembers recent message ids: real puppets deliver some messages twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 20_000) {}
  /** True if the id was seen before; records it otherwise. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return false;
  }
}

export function attachBot(bot: WechatyInterface, app: AppEndpoint, opts: AttachOptions): AttachedBot {
  const { clock, log } = opts;
  const startedAt = clock.now();
  const grace = opts.startupGraceMs ?? 60_000;
  const rooms = new Set([app.config.staffRoomId, ...app.config.grids.map((g) => g.roomId), ...app.featureRooms()]);
  const recent = new RecentIds();
  let paused = false;
  let busy = 0;
  let busyWaiters: (() => void)[] = [];
  const loginWaiters: (() => void)[] = [];

  const queue = new OutgoingQueue(
    {
      // While logged out nothing can be sent: wait for the login instead of spending the retries.
      ready: () => (bot.isLoggedIn ? Promise.resolve() : new Promise<void>((res) => loginWaiters.push(res))),
      send: async (r: Reply) => {
        const conv = 'roomId' in r.to ? r.to.roomId : r.to.contactId;
        // The last gate before a whole group reads it: no full phone, ID or room number.
        const text = 'roomId' in r.to && r.to.roomId !== app.config.staffRoomId ? maskForGroup(r.text) : r.text;
        if (r.file) await bot.puppet.messageSendFile(conv, FileBox.fromBase64(r.file.base64, r.file.name));
        else await bot.puppet.messageSendText(conv, text, r.mentionIds);
      },
      onSent: async (r) => {
        if (r.id) await app.markSent(r.id);
      },
      onFailed: async (r, e) => {
        log.error(`send failed after retries to ${'roomId' in r.to ? r.to.roomId : r.to.contactId} (reply ${r.id ?? '-'})`, e);
        queue.push(await app.markFailed(r, e instanceof Error ? e.message : String(e)));
      },
    },
    opts.pacing,
  );

  async function toInbound(msg: Message): Promise<InboundMessage | null> {
    if (msg.self()) return null;
    if (msg.type() !== PUPPET.types.Message.Text) return null;
    const room = msg.room();
    if (room && !rooms.has(room.id)) return null;
    const at = msg.date().getTime();
    if (at < startedAt - grace) return null;
    if (recent.seen(msg.id)) return null;
    const talker = msg.talker();
    const name = (room ? await room.alias(talker).catch(() => undefined) : undefined) || talker.name() || talker.id;
    const selfId = bot.currentUser.id;
    let text = msg.text().slice(0, MAX_RAW_TEXT);
    // WeChat writes every mention into the text as @name: without an @ there is nothing to look up.
    const mentioned = room && text.includes('@') ? await msg.mentionList().catch(() => []) : [];
    const lead = leadingMentionOf(bot.currentUser.name());
    const mentionsBot = mentioned.some((c) => c.id === selfId) || (!!lead && lead.test(text));
    if (lead) text = text.replace(lead, '');
    return {
      id: msg.id,
      roomId: room?.id ?? null,
      talkerId: talker.id,
      talkerName: name,
      text,
      mentionIds: mentioned.map((c) => c.id).filter((id) => id !== selfId),
      mentionsBot,
      at,
    };
  }

  bot.on('message', async (msg: Message) => {
    if (paused) return;
    busy++;
    try {
      const inbound = await toInbound(msg);
      if (!inbound) return;
      queue.push(await app.handleMessage(inbound, opts.onApplied));
    } catch (e) {
      log.error(`message ${msg.id} in ${msg.room()?.id ?? 'private'} from ${msg.talker()?.id ?? '?'} failed`, e);
    } finally {
      if (--busy === 0) busyWaiters.splice(0).forEach((w) => w());
    }
  });

  bot.on('login', () => {
    loginWaiters.splice(0).forEach((w) => w());
    // Replies recorded before a crash or a logout go out once, now.
    Promise.resolve()
      .then(() => app.pendingReplies())
      .then((r) => queue.push(r))
      .catch((e) => log.error('could not read the outbox', e));
  });

  return {
    queue,
    get busy() {
      return busy;
    },
    pause: () => {
      paused = true;
    },
    async idle() {
      while (busy > 0 || queue.size > 0) {
        if (busy > 0) await new Promise<void>((res) => busyWaiters.push(res));
        await queue.idle();
      }
    },
  };
}

/** `^@BotName` followed by WeChat's mention space, compiled once per name (the name can change). */
let leadCache: { name: string; re: RegExp } | null = null;
function leadingMentionOf(selfName: string): RegExp | null {
  if (!selfName) return null;
  if (leadCache?.name !== selfName) leadCache = { name: selfName, re: new RegExp(`^@${escapeRe(selfName)}[\\u2005\\s]*`) };
  return leadCache.re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
