/**
 * Plays a scripted conversation through the real Wechaty runtime on wechaty-puppet-mock, with a
 * virtual clock, and records the transcript (people's lines and the bot's).
 */
import fs from 'node:fs';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import * as PUPPET from 'wechaty-puppet';
import type { AppConfig } from '../../core/config-schema.js';
import { formatLocal, parseInstant } from '../../core/time.js';
import { BOT_DISPLAY_NAME, transcriptLabels } from '../../messages/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createLogger, type Logger } from '../log.js';
import { NO_PACING, type PacingOptions } from './outgoing-queue.js';

/** One line of a script. */
export type ScriptStep =
  | { from: string; name?: string; room: string; text: string; id?: string }
  | { from: string; name?: string; to: 'bot'; text: string; id?: string }
  | { at: string }
  /** Restart on the same data; with `at`, the bot stays down until that time (nothing runs meanwhile). */
  | { restart: true; at?: string };

export interface TranscriptLine {
  /** ISO time with offset, in the community's zone. */
  at: string;
  room: string | null;
  from: string;
  to: string | null;
  text: string;
  bot: boolean;
}

export interface SimulatorOptions {
  config: AppConfig;
  dataDir: string;
  /** The people and rooms the script uses, so the mock world can be built before it plays. */
  script: ScriptStep[];
  startAt?: number;
  pacing?: PacingOptions;
  onLine?: (line: TranscriptLine) => void;
  log?: Logger;
}

export const BOT_ID = 'bot';

/** Reads a script file: one JSON object a line; blank lines and `//` comments are skipped. */
export function readScript(text: string, file = 'script'): ScriptStep[] {
  const steps: ScriptStep[] = [];
  text.split('\n').forEach((raw, i) => {
    const step = readStep(raw, `${file}:${i + 1}`);
    if (step) steps.push(step);
  });
  return steps;
}

/**
 * Reads one script line (null for a blank line or a comment); throws naming `where` if it is bad.
 * An optional `"id"` gives the message the puppet id a real puppet would: the same id again is the
 * same message delivered twice (puppets re-deliver after a reconnect).
 */
export function readStep(raw: string, where: string): ScriptStep | null {
  const line = raw.trim();
  if (!line || line.startsWith('//')) return null;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new Error(`${where}: not JSON (${(e as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where}: expected a JSON object`);
  const s = v as Record<string, unknown>;
  if (typeof s.at === 'string' && Object.keys(s).length === 1) {
    if (Number.isNaN(parseInstant(s.at))) throw new Error(`${where}: bad time "${s.at}"`);
  } else if (s.restart === true) {
    if (s.at !== undefined && (typeof s.at !== 'string' || Number.isNaN(parseInstant(s.at)))) throw new Error(`${where}: bad time "${String(s.at)}"`);
  } else if (typeof s.from === 'string' && typeof s.text === 'string' && (typeof s.room === 'string' || s.to === 'bot')) {
    if (s.from === BOT_ID || /@/.test(s.from)) throw new Error(`${where}: "from" must be a contact id without "@" and not "${BOT_ID}"`);
    if (typeof s.room === 'string' && !/@/.test(s.room)) throw new Error(`${where}: a room id must contain "@"`);
  } else {
    throw new Error(`${where}: expected {"from","room","text"}, {"from","to":"bot","text"}, {"at"} or {"restart":true}`);
  }
  if ('id' in s && (typeof s.id !== 'string' || !s.id || /@/.test(s.id) || !('from' in s))) {
    throw new Error(`${where}: "id" must be a non-empty message id without "@" on a message line`);
  }
  return v as ScriptStep;
}

export class Simulator {
  private now: number;
  private runtime!: Runtime;
  private mocker!: mock.Mocker;
  private readonly undelivered = new Set<string>();
  /** Messages given an id by the script, as delivered in this puppet's life (for re-delivery). */
  private byId = new Map<string, Record<string, unknown>>();
  readonly transcript: TranscriptLine[] = [];
  private readonly people = new Map<string, string>();
  private readonly roomMembers = new Map<string, Set<string>>();
  private readonly log: Logger;

  private constructor(private readonly o: SimulatorOptions) {
    this.now = o.startAt ?? Date.now();
    this.log = o.log ?? createLogger('error');
    const c = o.config;
    const named = [...c.staff, ...c.gridWorkers, ...c.volunteers, ...c.mediation.people, ...(c.registration?.landlords ?? []), ...c.partyMembers];
    for (const p of named) this.people.set(p.id, p.name);
    const rooms = [c.staffRoomId, ...c.grids.map((g) => g.roomId)];
    for (const r of rooms) this.roomMembers.set(r, new Set([BOT_ID]));
    for (const s of c.staff) this.roomMembers.get(c.staffRoomId)!.add(s.id);
    for (const g of c.grids) {
      const m = this.roomMembers.get(g.roomId)!;
      g.workerIds.forEach((w) => m.add(w));
      if (g.chiefId) m.add(g.chiefId);
      c.volunteers.filter((v) => v.gridIds.includes(g.id)).forEach((v) => m.add(v.id));
      c.staff.forEach((s) => m.add(s.id));
    }
    // The landlords' group (tenant registration): its landlords and the staff.
    if (c.registration) this.roomMembers.set(c.registration.roomId, new Set([BOT_ID, ...c.registration.landlords.map((l) => l.id), ...c.staff.map((s) => s.id)]));
    for (const s of o.script) {
      if (!('from' in s)) continue;
      if (!this.people.has(s.from) || s.name) this.people.set(s.from, s.name ?? this.people.get(s.from) ?? s.from);
      if ('room' in s) {
        if (!this.roomMembers.has(s.room)) this.roomMembers.set(s.room, new Set([BOT_ID]));
        this.roomMembers.get(s.room)!.add(s.from);
      }
    }
  }

  static async create(o: SimulatorOptions): Promise<Simulator> {
    const sim = new Simulator(o);
    await sim.boot();
    return sim;
  }

  get app() {
    return this.runtime.app;
  }

  get store() {
    return this.runtime.store;
  }

  /** The virtual time. */
  clock = { now: () => this.now };

  private async boot(): Promise<void> {
    const mocker = new mock.Mocker();
    this.mocker = mocker;
    this.byId = new Map();
    type Payload = { id: string; timestamp: number; talkerId?: string; roomId?: string; listenerId?: string; text?: string };
    const m = mocker as unknown as { messagePayload: (id: string, payload?: Payload) => unknown };
    const original = m.messagePayload.bind(mocker);
    // Every message, people's and the bot's, passes here: stamp virtual time, record, track delivery.
    m.messagePayload = (id: string, payload?: Payload) => {
      if (payload) {
        payload.timestamp = this.now;
        this.undelivered.add(payload.id);
        this.record(payload);
      }
      return original(id, payload);
    };

    const puppet = new PuppetMock({ mocker });
    this.runtime = await createRuntime({
      config: this.o.config,
      dataDir: this.o.dataDir,
      clock: this.clock,
      log: this.log,
      pacing: this.o.pacing ?? NO_PACING,
      puppet,
    });
    const { bot } = this.runtime;
    bot.on('message', (m) => {
      this.undelivered.delete(m.id);
    });
    await bot.start();
    for (const [id, name] of this.people) mocker.createContact({ id, name });
    const self = mocker.createContact({ id: BOT_ID, name: BOT_DISPLAY_NAME });
    for (const [roomId, members] of this.roomMembers) {
      mocker.createRoom({ id: roomId, topic: this.topic(roomId), memberIdList: [...members] });
    }
    const loggedIn = new Promise<void>((res) => bot.once('login', () => res()));
    mocker.login(self);
    await loggedIn;
    await this.settle();
    // As `npm start` does after login: send what fell due while the bot was down.
    await this.tick();
  }

  private topic(roomId: string): string {
    const c = this.o.config;
    if (roomId === c.staffRoomId) return `${c.community.name}·staff`;
    return c.grids.find((g) => g.roomId === roomId)?.name ?? roomId;
  }

  private record(p: { id: string; talkerId?: string; roomId?: string; listenerId?: string; text?: string }): void {
    // A file message has no text: show its name.
    const file = (this.mocker as unknown as { cacheFileBoxPayload: Map<string, { name?: string }> }).cacheFileBoxPayload.get(p.id);
    const line: TranscriptLine = {
      at: formatLocal(this.now, 'YYYY-MM-DDTHH:mm:ssZ', this.o.config.timezone),
      room: p.roomId ?? null,
      from: p.talkerId ?? '',
      to: p.roomId ? null : (p.listenerId ?? null),
      text: p.text ?? (file ? `${transcriptLabels.file} ${file.name ?? ''}` : ''),
      bot: p.talkerId === BOT_ID,
    };
    this.transcript.push(line);
    this.o.onLine?.(line);
  }

  /** Display name of a contact in the simulated world. */
  nameOf(id: string): string {
    return id === BOT_ID ? BOT_DISPLAY_NAME : (this.people.get(id) ?? id);
  }

  /** Plays one step and waits until the bot has handled it and sent its replies. */
  async play(step: ScriptStep): Promise<void> {
    if ('restart' in step) {
      await this.restart(step.at === undefined ? undefined : parseInstant(step.at, this.o.config.timezone));
      return;
    }
    if ('at' in step) {
      await this.advanceTo(parseInstant(step.at, this.o.config.timezone));
      return;
    }
    this.now += 1000;
    this.ensurePerson(step);
    const talker = this.mocker.ContactMock.load(step.from);
    const mentions = [...step.text.matchAll(/@([^\s@\u2005]+)/g)]
      .map((m) => [...this.people].find(([, n]) => n === m[1])?.[0])
      .filter((id): id is string => !!id)
      .map((id) => this.mocker.ContactMock.load(id));
    if (step.id) {
      this.deliverWithId(step, mentions.map((c) => c.id));
    } else if ('room' in step) {
      talker.say(step.text, mentions).to(this.mocker.RoomMock.load(step.room));
    } else {
      talker.say(step.text).to(this.mocker.ContactMock.load(BOT_ID));
    }
    await this.settle();
  }

  /** A person first seen in a streamed script joins the simulated world (and its room) now. */
  private ensurePerson(step: { from: string; name?: string; room?: string }): void {
    if (!this.people.has(step.from)) {
      this.people.set(step.from, step.name ?? step.from);
      this.mocker.createContact({ id: step.from, name: step.name ?? step.from });
    }
    if (step.room && !this.roomMembers.get(step.room)?.has(step.from)) {
      if (!this.roomMembers.has(step.room)) {
        this.roomMembers.set(step.room, new Set([BOT_ID]));
        this.mocker.createRoom({ id: step.room, topic: this.topic(step.room), memberIdList: [BOT_ID, step.from] });
      }
      this.roomMembers.get(step.room)!.add(step.from);
    }
  }

  /** Sends a message with the puppet id the script gave it; the same id again is a re-delivery. */
  private deliverWithId(step: Extract<ScriptStep, { from: string }>, mentionIds: string[]): void {
    const id = step.id!;
    const again = this.byId.get(id);
    if (again) {
      // What a real puppet does after a reconnect: the same message (same id) once more.
      this.undelivered.add(id);
      this.record(again as { id: string });
      this.mocker.puppet.emit('message', { messageId: id });
      return;
    }
    const payload: Record<string, unknown> = {
      id,
      talkerId: step.from,
      timestamp: this.now,
      type: PUPPET.types.Message.Text,
      text: step.text,
      ...('room' in step ? { roomId: step.room, mentionIdList: mentionIds } : { listenerId: BOT_ID }),
    };
    this.byId.set(id, payload);
    this.mocker.MessageMock.create(payload as never);
    this.mocker.puppet.emit('message', { messageId: id });
  }

  async playAll(steps: ScriptStep[]): Promise<void> {
    for (const s of steps) await this.play(s);
  }

  /**
   * Moves the virtual clock to `t` as a running bot would live through it: stops at every moment
   * something falls due (in order) and runs the due jobs there, then at `t`.
   */
  async advanceTo(t: number): Promise<void> {
    for (;;) {
      const next = this.runtime.app.nextDueAt(this.now);
      if (next === null || next > t || next <= this.now) break;
      this.now = next;
      await this.tick();
    }
    if (t > this.now) this.now = t;
    await this.tick();
  }

  /** Runs what is due now, as the cron ticker does, and waits until it is sent. */
  async tick(): Promise<void> {
    this.runtime.attached.queue.push(await this.runtime.app.runDueJobs(this.now));
    await this.settle();
  }

  /** Waits until every message is delivered to the bot and the bot is idle. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((res) => setImmediate(res));
      if (this.undelivered.size === 0 && this.runtime.attached.busy === 0 && this.runtime.attached.queue.size === 0) {
        // One more turn: a reply's own echo may still be on its way.
        await new Promise((res) => setImmediate(res));
        if (this.undelivered.size === 0 && this.runtime.attached.busy === 0 && this.runtime.attached.queue.size === 0) return;
      }
      if (Date.now() > deadline) {
        this.log.warn(`settle timed out with ${this.undelivered.size} undelivered`);
        this.undelivered.clear();
        return;
      }
    }
  }

  /** Stops the bot and starts a new one on the same data, as after a crash or a redeploy (down until `at`, if given). */
  async restart(at?: number): Promise<void> {
    await this.runtime.stop();
    this.undelivered.clear();
    if (at !== undefined && at > this.now) this.now = at;
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.runtime.stop();
  }
}

/** Writes to stdout synchronously, retrying on EAGAIN, so lines survive a kill. */
export function writeOut(text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}
