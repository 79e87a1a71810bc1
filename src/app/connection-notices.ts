/**
 * Staff are told when the bot was logged out. While logged out the bot cannot post at all, so the
 * time of the logout is kept in the store (it survives a crash meanwhile) and the notice goes to the
 * staff room with the first sends after the next login.
 */
import { robustnessMessages as R } from '../messages/robustness.js';
import type { BotApp } from './bot-app.js';
import type { Reply } from './ports.js';

const COLLECTION = 'connection';
const OFFLINE_SINCE = 'offlineSince';

/** Records that the account was logged out at `now` (the first logout counts until the bot is back). */
export function noteLoggedOut(app: BotApp, now: number): Promise<void> {
  return app.serial(async () => {
    if (app.store.get<number>(COLLECTION, OFFLINE_SINCE) !== undefined) return;
    app.store.put(COLLECTION, OFFLINE_SINCE, now);
    await app.store.commit();
  });
}

/** After a login: the notice for the staff room if the bot had been logged out, recorded in the outbox. */
export function noteLoggedIn(app: BotApp, now: number): Promise<Reply[]> {
  return app.serial(async () => {
    const since = app.store.get<number>(COLLECTION, OFFLINE_SINCE);
    if (since === undefined) return [];
    app.store.delete(COLLECTION, OFFLINE_SINCE);
    const out = [app.records.enqueue({ to: { roomId: app.config.staffRoomId }, text: R.backOnline(since, now, app.config.timezone), urgent: true })];
    await app.store.commit();
    return out;
  });
}
