/**
 * The record of scheduled posts already made (collection `sent`), written in the same commit as
 * the posts, so a restart neither repeats nor loses one. Keys start with the feature's name.
 */
import type { Store } from '../ports.js';

export const SENT = 'sent';

export function wasSent(store: Store, key: string): boolean {
  return store.get(SENT, key) !== undefined;
}

export function markSent(store: Store, key: string, at: number): void {
  store.put(SENT, key, at);
}
