import { demoConfig } from './fixtures.js';

/**
 * The demo config without the schedule's own daily posts (digests, summaries), so a test of the
 * registration features sees only what they post; `withRegistration: false` drops the landlords' group too.
 */
export function registrationsConfig(o: { withRegistration?: boolean } = {}) {
  return demoConfig((raw) => {
    const schedule = raw.schedule as Record<string, { enabled?: boolean }>;
    for (const k of ['morningDigest', 'eveningSummary', 'weeklySummary']) schedule[k] = { ...schedule[k], enabled: false };
    if (o.withRegistration === false) delete raw.registration;
  });
}
