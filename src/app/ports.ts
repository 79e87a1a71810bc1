/** The ports the use cases talk through. Adapters implement them; tests use in-memory ones. */

/** Keyed collections of plain JSON values, held in memory and made durable by `commit`. */
export interface Store {
  get<T>(collection: string, key: string): T | undefined;
  put(collection: string, key: string, value: unknown): void;
  delete(collection: string, key: string): void;
  /** Live view of a collection (do not mutate the values in place: `put` a copy). */
  values<T>(collection: string): IterableIterator<T>;
  size(collection: string): number;
  /** Makes every change since the last commit durable, as one atomic batch. */
  commit(): Promise<void>;
  /** Flushes and releases the files. */
  close(): Promise<void>;
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
