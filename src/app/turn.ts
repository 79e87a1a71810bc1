/** One unit of work (a message, or a clock tick): what it is about and the replies it produces. */
import { normaliseCommandText, parseCommand, type Command } from '../core/commands.js';
import type { CatalogueEntry, Order } from '../core/model.js';
import { parseMessage } from '../core/parse-message.js';
import type { Reading } from '../core/reading.js';
import type { InboundMessage, Reply } from './ports.js';

export class Turn {
  readonly out: Reply[] = [];
  // Several features look at the same message: each reading is made once per turn.
  private parsed?: Reading;
  private cmd?: Command | null;
  private normalised?: string;

  constructor(
    readonly now: number,
    /** The message being handled; null for a clock tick. */
    readonly msg: InboundMessage | null,
    /** Sanitised, capped text of the message ('' for a tick). */
    readonly text: string,
    /** The grid of the room, or (private chat) the grid the person was last seen in. */
    readonly gridId: string | null,
    readonly inStaffRoom: boolean,
  ) {}

  /** Where to answer the message: its room, or the person privately. */
  get here(): Reply['to'] {
    if (!this.msg) throw new Error('internal: a tick has no "here"');
    return this.msg.roomId ? { roomId: this.msg.roomId } : { contactId: this.msg.talkerId };
  }

  /** The talker (messages only). */
  get who(): string {
    if (!this.msg) throw new Error('internal: a tick has no talker');
    return this.msg.talkerId;
  }

  /** The parser's reading of the text (made on first use; every caller passes the configured catalogue). */
  reading(catalogue?: readonly CatalogueEntry[]): Reading {
    return (this.parsed ??= parseMessage(this.text, this.now, { catalogue }));
  }

  /** The order command in the text, or null (parsed on first use). */
  command(): Command | null {
    if (this.cmd === undefined) this.cmd = parseCommand(this.text);
    return this.cmd;
  }

  /** The text as command words are matched against it (`normaliseCommandText`, made on first use). */
  commandText(): string {
    return (this.normalised ??= normaliseCommandText(this.text));
  }

  say(to: Reply['to'], text: string, mentionIds?: string[], urgent?: boolean): void {
    this.out.push({ to, text, ...(mentionIds?.length ? { mentionIds } : {}), ...(urgent ? { urgent } : {}) });
  }

  reply(text: string, mentionIds?: string[]): void {
    this.say(this.here, text, mentionIds);
  }
}

/**
 * A capability plugged into the app (scheduling, ledger, mediation, …). Features are asked in
 * order; the first whose `handle` returns true owns the message.
 */
export interface Feature {
  readonly name: string;
  /** Handle a message before the order logic; return true if it was this feature's. */
  handle?(turn: Turn): boolean | Promise<boolean>;
  /** Add what is due at `turn.now` (scheduled posts, reminders, escalations). */
  due?(turn: Turn): void | Promise<void>;
  /** The next moment after `now` when `due` will have something (lets the simulator jump); without it the feature is asked every minute. */
  nextDueAt?(now: number): number | null;
  /** Rooms this feature listens in besides the grid rooms and the staff room (e.g. the landlords' group). */
  readonly rooms?: readonly string[];
  /** Told when a resident opens an order, and again if its address is added later (e.g. 党员包联). */
  orderOpened?(turn: Turn, order: Order): void;
}
