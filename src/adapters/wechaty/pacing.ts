import type { PacingOptions } from './outgoing-queue.js';

/** Real WeChat: about one message per 1.5 s per group, at most 40 a minute for the account. The same values are the defaults of the config's `sending` block, which `npm start` and `sim --pace` use. */
export const DEFAULT_PACING: PacingOptions = { roomSpacingMs: 1500, jitterMs: 500, perMinute: 40, retries: 4, backoffMs: 2000 };
