/** Words the bot listens for in party-member links (党员包联). (What it says: src/messages/party-links.ts.) */

/** A party member records a visit: `走访 12号楼1单元602 已上门`. Alone, it lists this month's households not yet visited. */
export const VISIT_WORDS = {
  visit: ['走访', '入户走访', '上门走访', '入户'],
} as const;

/** Staff commands (after `/`). */
export const PARTY_SLASH_WORDS = {
  links: ['包联'],
} as const;
