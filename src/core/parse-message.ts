/** The message parser: one group message in, one Reading out. Pure: no clock, no I/O. */
import type { CatalogueEntry } from './model.js';
import { classifyIntent } from './parser/classify-intent.js';
import { detectUrgency } from './parser/detect-urgency.js';
import { extractAddress } from './parser/extract-address.js';
import { extractPhones } from './parser/extract-phones.js';
import { extractWhen } from './parser/extract-when.js';
import { compileCatalogue, matchCategories } from './parser/match-categories.js';
import { makeSummary } from './parser/make-summary.js';
import { normalizeText } from './parser/normalize-text.js';
import {
  builtInSecondOpinion, combineOpinions, modelOpinion, type SecondOpinionModel,
} from './parser/second-opinion.js';
import type { Intent, MissingField, Reading } from './reading.js';

export interface ParseOptions {
  /** The configured catalogue; same-key entries extend the built-in keywords, new keys are added. */
  catalogue?: readonly CatalogueEntry[];
  /**
   * The learned second opinion (docs/parser.md, round 5): the built-in model by default, another
   * trained model (cross-validation), or `false` for the rules alone.
   */
  secondOpinion?: SecondOpinionModel | false;
}

/** The bot opens an order only for a service/proxy reading at least this sure. */
export const REQUEST_CONFIDENCE_THRESHOLD = 0.6;

/** Proxy matters that need someone at the door, so a missing address is worth asking for. */
const PROXY_NEEDS_ADDRESS = new Set(['parcel', 'property_maintenance']);

/**
 * True when a reading should open an order.
 * @example isOrderReading(parseMessage('3号楼2单元501水管漏了', now)) // true
 */
export function isOrderReading(r: Pick<Reading, 'intent' | 'confidence'>): boolean {
  return (r.intent === 'service' || r.intent === 'proxy') && r.confidence >= REQUEST_CONFIDENCE_THRESHOLD;
}

/**
 * Reads one group message, resolving relative times against `now` (Asia/Shanghai).
 * @example parseMessage('3号楼2单元501水管漏了', Date.parse('2026-06-10T09:30:00+08:00')).category // 'home_repair'
 */
export function parseMessage(text: string, now: Date | number, options: ParseOptions = {}): Reading {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const { canon, mentionsAll } = normalizeText(text);
  const phones = extractPhones(canon);
  // Blank the phone before looking for an address, so its digits cannot read as a room.
  let masked = canon;
  for (const p of phones) masked = masked.slice(0, p.start) + ' '.repeat(p.end - p.start) + masked.slice(p.end);
  const addr = extractAddress(masked);
  for (const [s, e] of addr.spans) masked = masked.slice(0, s) + ' '.repeat(e - s) + masked.slice(e);

  const categories = matchCategories(masked, compileCatalogue(options.catalogue));
  const phone = phones[0]?.phone ?? null;
  const hasAddress = addr.address !== null;
  const rules = classifyIntent({ canon, categories, hasAddress, hasPhone: phone !== null, mentionsAll });
  let { intent, confidence } = rules;
  let category = rules.category ?? pickCategory(intent, categories);
  if (options.secondOpinion !== false) {
    // The learned second opinion, consulted only where the rules are unsure (docs/parser.md, round 5).
    const model = options.secondOpinion ?? builtInSecondOpinion();
    ({ intent, confidence, category } = combineOpinions(
      { intent, confidence, category },
      canon.length,
      () => modelOpinion(model, { canon, hasAddress, hasPhone: phone !== null }),
      // For an intent the model chose: the rules' best keyword of that kind, if any.
      (other) => categories.find((c) => c.entry.kind === other)?.entry.key ?? null,
    ));
  }

  const isRequest = intent === 'service' || intent === 'proxy';
  const when = isRequest ? extractWhen(masked, nowMs) : intent === 'dispute' ? extractWhen(masked, nowMs, { dayWordsOnly: true }) : null;
  const urgent = (isRequest || intent === 'dispute') && detectUrgency(canon, { dispute: intent === 'dispute' });

  const missing: MissingField[] = [];
  if (isRequest) {
    const located = addr.address !== null && (addr.address.building !== undefined || addr.address.village !== undefined);
    if (!located && (intent === 'service' || (category !== null && PROXY_NEEDS_ADDRESS.has(category)))) missing.push('address');
    if (phone === null) missing.push('phone');
  }
  let summary: string | undefined;
  return {
    intent,
    category,
    address: addr.address,
    phone,
    when,
    urgent,
    confidence,
    missing,
    // Made when first read (an order, a case, the CLI): most messages are chat and never need one.
    get summary(): string {
      return (summary ??= makeSummary(canon, [...phones.map((p) => [p.start, p.end] as const), ...addr.spans]));
    },
  };
}

function pickCategory(intent: Intent, categories: ReturnType<typeof matchCategories>): string | null {
  if (intent === 'chat' || intent === 'dispute') return null;
  if (intent === 'question') return categories[0]?.entry.key ?? null;
  // A request's category must be of its kind; the best match decided the kind already.
  const sameKind = categories.find((c) => c.entry.kind === intent);
  return sameKind?.entry.key ?? (intent === 'service' ? 'other_service' : null);
}
