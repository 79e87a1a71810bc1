import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/load-config.js';
import type { AppConfig } from '../../src/core/config-schema.js';
import { BotApp } from '../../src/app/bot-app.js';
import type { InboundMessage, Reply } from '../../src/app/ports.js';
import { MemoryStore } from '../../src/adapters/store/memory-store.js';

export const CONFIG_FILE = path.resolve('config/default.json');
export const T0 = Date.parse('2026-06-10T09:30:00+08:00');

export function demoConfig(patch: (raw: Record<string, unknown>) => void = () => {}): AppConfig {
  const raw = JSON.parse(readFileSync(CONFIG_FILE, 'utf8'));
  patch(raw);
  return parseConfig(JSON.stringify(raw), CONFIG_FILE);
}

/** A BotApp on an in-memory store with a hand-driven clock. */
export function testApp(config = demoConfig(), store = new MemoryStore()) {
  const clock = { t: T0, now() { return this.t; } };
  const app = new BotApp({ config, store, clock });
  let n = 0;
  const say = async (talkerId: string, text: string, opts: Partial<InboundMessage> = {}): Promise<Reply[]> => {
    clock.t += 1000;
    return app.handleMessage({
      id: `m${++n}`,
      roomId: 'grid1@chatroom',
      talkerId,
      talkerName: opts.talkerName ?? talkerId,
      text,
      mentionIds: [],
      mentionsBot: false,
      at: clock.t,
      ...opts,
    });
  };
  return { app, store, clock, say, config };
}

export const texts = (rs: Reply[]) => rs.map((r) => r.text);
export const to = (rs: Reply[], dest: string) => rs.filter((r) => ('roomId' in r.to ? r.to.roomId : r.to.contactId) === dest);
