import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isNetworkError, keepConnected } from '../../src/adapters/wechaty/connection-keeper.js';
import { guardProcess, importWithoutProcessHandlers } from '../../src/adapters/process-guard.js';
import { createLogger } from '../../src/adapters/log.js';
import { noteLoggedIn, noteLoggedOut } from '../../src/app/connection-notices.js';
import { testApp, texts } from '../helpers/fixtures.js';
import { virtualTime } from '../helpers/virtual-time.js';

const ENOTFOUND = () => new Error('getaddrinfo ENOTFOUND login.wx.qq.com');

/** A bot like wechat4u without network: every start brings a burst of fifteen errors. */
class FakeBot extends EventEmitter {
  isLoggedIn = false;
  starts = 0;
  stops = 0;
  offline = true;
  async start() {
    this.starts++;
    if (this.offline) setImmediate(() => { for (let i = 0; i < 15; i++) this.emit('error', ENOTFOUND()); });
  }
  async stop() {
    this.stops++;
    this.emit('error', new Error("Cannot read properties of undefined (reading 'start')"));
  }
  login() {
    this.isLoggedIn = true;
    this.emit('login', { name: () => 'bot' });
  }
  logout() {
    this.isLoggedIn = false;
    this.emit('logout', { name: () => 'bot' });
  }
}

function setup(retry: { firstDelayMs: number; maxDelayMs: number } | null = { firstDelayMs: 5000, maxDelayMs: 20_000 }) {
  const vt = virtualTime();
  const lines: string[] = [];
  const bot = new FakeBot();
  const events: string[] = [];
  const keeper = keepConnected(bot, {
    log: createLogger('debug', (l) => lines.push(l.replace(/^\S+ /, ''))),
    retry,
    sleep: (ms) => vt.sleep(ms),
    now: vt.now,
    onLogin: () => events.push('login'),
    onLogout: () => events.push('logout'),
  });
  return { vt, lines, bot, keeper, events };
}

describe('keeping the bot connected', () => {
  it('writes one line per retry when WeChat cannot be reached, with doubling delays up to the maximum', async () => {
    const { vt, lines, bot, keeper } = setup();
    await keeper.start();
    await vt.runUntil(() => keeper.attempts >= 4 && keeper.state === 'waiting');
    expect(lines).toEqual([
      'WARN cannot reach WeChat (getaddrinfo ENOTFOUND login.wx.qq.com); retry 1 in 5 s',
      'WARN cannot reach WeChat (getaddrinfo ENOTFOUND login.wx.qq.com); retry 2 in 10 s',
      'WARN cannot reach WeChat (getaddrinfo ENOTFOUND login.wx.qq.com); retry 3 in 20 s',
      'WARN cannot reach WeChat (getaddrinfo ENOTFOUND login.wx.qq.com); retry 4 in 20 s',
    ]);
    expect(vt.now()).toBe(5000 + 10_000 + 20_000);
    expect(bot.starts).toBe(4);
    expect(keeper.suppressed).toBeGreaterThanOrEqual(4 * 14);
    keeper.stop();
  });

  it('says so once it is back and starts counting from one again', async () => {
    const { vt, lines, bot, keeper, events } = setup();
    await keeper.start();
    await vt.runUntil(() => keeper.attempts === 2 && keeper.state === 'waiting');
    bot.offline = false;
    await vt.runUntil(() => bot.starts === 3);
    bot.login();
    expect(keeper.state).toBe('online');
    expect(keeper.attempts).toBe(0);
    expect(lines.at(-1)).toBe('INFO connected to WeChat after 2 retries');
    expect(events).toEqual(['login']);
  });

  it('does not restart a logged-in puppet on network errors (that would log the account out): it reports them once a minute', async () => {
    const { vt, lines, bot, keeper } = setup();
    bot.offline = false;
    await keeper.start();
    bot.login();
    for (let i = 0; i < 30; i++) bot.emit('error', new Error('连续3次同步失败，5s后尝试重启'));
    await vt.runUntil(() => true);
    expect(bot.stops).toBe(0);
    expect(lines.filter((l) => l.includes('interrupted'))).toHaveLength(1);
    expect(keeper.suppressed).toBe(29);
  });

  it('logs other puppet errors once per message and minute, counting repeats', async () => {
    let t = 0;
    const lines: string[] = [];
    const bot = new FakeBot();
    keepConnected(bot, { log: createLogger('info', (l) => lines.push(l.replace(/^\S+ /, ''))), retry: null, now: () => t });
    for (let i = 0; i < 5; i++) bot.emit('error', new Error('no payload found for id x@chatroom'));
    t = 61_000;
    bot.emit('error', new Error('no payload found for id x@chatroom'));
    expect(lines).toEqual(['WARN wechaty: no payload found for id x@chatroom', 'WARN wechaty: no payload found for id x@chatroom (repeated 4 times in the last minute)']);
  });

  it('tells the operator a QR scan is needed when the account is logged out, and reports it to the app', async () => {
    const { lines, bot, keeper, events } = setup();
    bot.offline = false;
    await keeper.start();
    bot.login();
    bot.logout();
    expect(lines.at(-1)).toMatch(/^WARN logged out of WeChat: scan the new QR code/);
    expect(events).toEqual(['login', 'logout']);
  });

  it('restarts a puppet that shows no QR code within a minute of a logout, and not one that does', async () => {
    const { vt, lines, bot, keeper } = setup();
    bot.offline = false;
    await keeper.start();
    bot.login();
    bot.logout();
    await vt.runUntil(() => keeper.state === 'waiting');
    expect(vt.now()).toBe(60_000);
    expect(lines.at(-1)).toBe('WARN no QR code 1 min after the logout; retry 1 in 5 s');
    await vt.runUntil(() => bot.starts === 2);
    bot.emit('scan');
    bot.login();
    bot.logout();
    bot.emit('scan');
    await vt.runUntil(() => vt.waiting === 0);
    expect(keeper.state).toBe('starting');
    expect(bot.stops).toBe(1);
  });

  it('retries a start that throws, and stops retrying at shutdown', async () => {
    const { vt, lines, bot, keeper } = setup();
    bot.start = async () => {
      bot.starts++;
      throw new Error('connect ECONNREFUSED 127.0.0.1:443');
    };
    await keeper.start();
    await vt.runUntil(() => keeper.attempts === 2 && keeper.state === 'waiting');
    keeper.stop();
    await vt.runUntil(() => vt.waiting === 0);
    expect(keeper.state).toBe('stopped');
    expect(bot.starts).toBe(2);
    expect(lines).toHaveLength(2);
  });

  it('says when the puppet itself does not start', async () => {
    const { vt, lines, bot, keeper } = setup();
    bot.start = async () => {
      throw new Error('invalid puppet token');
    };
    await keeper.start();
    await vt.runUntil(() => keeper.state === 'waiting');
    expect(lines).toEqual(['WARN the puppet did not start (invalid puppet token); retry 1 in 5 s']);
    keeper.stop();
  });

  it('tells network errors from others', () => {
    expect(isNetworkError(ENOTFOUND())).toBe(true);
    expect(isNetworkError(new Error('timeout of 60000ms exceeded'))).toBe(true);
    expect(isNetworkError(new Error('重启时网络错误，60s后进行最后一次重启'))).toBe(true);
    expect(isNetworkError(new Error('no payload found for id x'))).toBe(false);
  });
});

describe('the staff room is told about a logout', () => {
  it('once the bot is back, with both times, and only once', async () => {
    const { app, store } = testApp();
    const down = Date.parse('2026-06-10T09:30:00+08:00');
    await noteLoggedOut(app, down);
    await noteLoggedOut(app, down + 60_000); // a second logout before the login counts from the first
    const out = await noteLoggedIn(app, down + 35 * 60_000);
    expect(out).toHaveLength(1);
    expect(out[0]!.to).toEqual({ roomId: 'staff@chatroom' });
    expect(texts(out)[0]).toBe('网格助手 06-10 09:30 掉线,扫码重新登录后于 06-10 10:05 恢复。掉线期间群里的消息没有收到,如有新的需求请提醒居民重新发送。');
    expect(app.pendingReplies().map((r) => r.id)).toContain(out[0]!.id);
    expect(await noteLoggedIn(app, down + 40 * 60_000)).toEqual([]);
    expect(store.size('connection')).toBe(0);
  });
});

describe('process-wide handlers', () => {
  it('removes the handlers a puppet installs on import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-guard-'));
    const mod = path.join(dir, 'noisy-puppet.mjs');
    fs.writeFileSync(mod, "process.on('uncaughtException', (e) => console.log('uncaughtException', e));\nexport const x = 1;\n");
    const before = process.listenerCount('uncaughtException');
    expect(await importWithoutProcessHandlers(pathToFileURL(mod).href)).toBe(1);
    expect(process.listenerCount('uncaughtException')).toBe(before);
  });

  it('logs a stray library error in one line, repeats counted, and debug while the puppet restarts', () => {
    const lines: string[] = [];
    let restarting = false;
    let t = 0;
    const guard = guardProcess(createLogger('debug', (l) => lines.push(l.replace(/^\S+ /, ''))), () => restarting, () => t);
    try {
      const e = new TypeError("Cannot read properties of undefined (reading 'start')");
      process.emit('unhandledRejection', e, Promise.resolve());
      process.emit('unhandledRejection', e, Promise.resolve());
      restarting = true;
      process.emit('unhandledRejection', e, Promise.resolve());
      expect(guard.caught).toBe(3);
      expect(lines).toEqual([
        "WARN a library failed outside the bot's handlers: Cannot read properties of undefined (reading 'start'); the bot keeps running",
        "DEBUG library error while the puppet restarts: Cannot read properties of undefined (reading 'start')",
      ]);
    } finally {
      guard.uninstall();
    }
  });
});
