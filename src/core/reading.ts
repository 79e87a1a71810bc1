import type { Address } from './model.js';

export type Intent = 'service' | 'proxy' | 'question' | 'dispute' | 'chat';
export type MissingField = 'address' | 'phone' | 'when' | 'category';

/** What the parser reads from one group message (see shared/corpus/README.md). */
export interface Reading {
  intent: Intent;
  /** A catalogue key, or null. */
  category: string | null;
  address: Address | null;
  /** 11-digit mobile, digits only. */
  phone: string | null;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in Asia/Shanghai, or null. */
  when: string | null;
  urgent: boolean;
  /** 0..1: how sure the parser is of `intent`. */
  confidence: number;
  /** What an order still needs before it can be acted on. */
  missing: MissingField[];
  /** Short description of the need, without greeting, mention, address or phone (≤ 30 chars). */
  summary: string;
}
