/** What the bot says about its own connection (robustness, issue 6). */
import { formatLocal } from '../core/time.js';

export const robustnessMessages = {
  /** To the staff room once the bot is logged in again after a logout. */
  backOnline(since: number, back: number, tz: string): string {
    const day = (t: number) => formatLocal(t, 'MM-DD HH:mm', tz);
    return `网格助手 ${day(since)} 掉线,扫码重新登录后于 ${day(back)} 恢复。掉线期间群里的消息没有收到,如有新的需求请提醒居民重新发送。`;
  },
};
