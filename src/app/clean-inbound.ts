/** What the app reads of a message's metadata: display names are shown in group posts. */
import { sanitiseText } from '../core/privacy.js';
import type { InboundMessage } from './ports.js';

/** Characters of a display name that are kept (WeChat allows far longer, with any characters). */
export const MAX_NAME_LENGTH = 32;

/** Strips control and bidi characters from the talker's display name and caps it; an empty name falls back to the id. */
export function cleanInbound(msg: InboundMessage): InboundMessage {
  const name = sanitiseText(String(msg.talkerName ?? ''), MAX_NAME_LENGTH) || msg.talkerId.slice(0, MAX_NAME_LENGTH);
  return name === msg.talkerName ? msg : { ...msg, talkerName: name };
}
