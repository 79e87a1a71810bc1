/** The ports the use cases talk through. Adapters implement them; tests use in-memory ones. */

/** Keyed collections of plain JSON values, held in memory and made durable by `commit`. */
export interface Store {
  get<T>(collection: string, key: string): T | undefined;
  put(collection: string, key: string, value: unknown): void;
  delete(collection: string, key: string): void;
  /** Live view of a collection (do not mutate the values in place: `put` a copy). */
  values<T>(collection: string): IterableIterator<T>;
  /** The keys of a collection (live view). */
  keys(collection: string): IterableIterator<string>;
  /**
   * The values that may still change: a store that archives settled entries (see `StoreRules`)
   * skips those without reading them from disk; other stores give every value.
   */
  unsettled?<T>(collection: string): IterableIterator<T>;
  size(collection: string): number;
  /** Makes every change since the last commit durable, as one atomic batch. */
  commit(): Promise<void>;
  /** Flushes and releases the files. */
  close(): Promise<void>;
}

/**
 * What a store may do to keep the cost of a message independent of history (performance).
 * `archive`: entries that will not change again (a finished order) are kept out of the way and
 * read when asked for; `lazyField` of such an entry (an order's `history`) is read from disk on
 * first access. `expire`: entries dropped when the store compacts (message ids seen long ago).
 */
export interface StoreRules {
  archive?: Record<string, { settled(value: unknown, now: number): boolean; lazyField?: string }>;
  expire?: Record<string, (value: unknown, now: number) => boolean>;
}

export interface Clock {
  now(): number;
}

/** Where a reply goes: a room (group) or a contact (private chat). */
export type Destination = { roomId: string } | { contactId: string };

/** One message to send, as data. `mentionIds` are contacts @-mentioned in the text. */
export interface Reply {
  /** Outbox key; set once the reply is recorded. */
  id?: string;
  to: Destination;
  text: string;
  mentionIds?: string[];
  /** Urgent posts are not held back in quiet hours. */
  urgent?: boolean;
  /** A file to send instead of the text (`text` then only describes it, for logs and failure notices). */
  file?: { name: string; base64: string };
}

/** A message as the app sees it: ids, not display names, for who and where. */
export interface InboundMessage {
  id: string;
  /** null for a private chat with the bot. */
  roomId: string | null;
  talkerId: string;
  /** For showing only, never for deciding. */
  talkerName: string;
  /** Text with any leading mention of the bot removed. */
  text: string;
  /** Contacts @-mentioned (other than the bot). */
  mentionIds: string[];
  mentionsBot: boolean;
  at: number;
}
