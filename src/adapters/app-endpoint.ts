import type { AppConfig } from '../core/config-schema.js';
import type { InboundMessage, Reply } from '../app/ports.js';

/** What the Wechaty side asks of the app, wherever the app runs. `BotApp` is one (see `runtime.ts`). */
export interface AppEndpoint {
  readonly config: AppConfig;
  /** Rooms of features (the council's, …) beside the grid groups and the staff room. */
  featureRooms(): readonly string[];
  /**
   * Handles one message; resolves with its replies once the change is on disk. `applied` is called
   * as soon as the change is made (later messages see it), before it is on disk.
   */
  handleMessage(msg: InboundMessage, applied?: () => void): Promise<Reply[]>;
  markSent(replyId: string): Promise<void>;
  markFailed(reply: Reply, error: string): Promise<Reply[]>;
  /** Replies recorded but not yet sent (after a crash or a logout). */
  pendingReplies(): Reply[] | Promise<Reply[]>;
  noteLoggedIn(at: number): Promise<Reply[]>;
  noteLoggedOut(at: number): Promise<void>;
  /** Waits for the work in hand, then closes the data. */
  close(): Promise<void>;
}
