/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { council } from './features/council.js';
import { dutyFeature } from './features/duty.js';
import { mediation } from './features/mediation.js';
import { PartyLinks } from './features/party-links.js';
import { scheduleFeature } from './features/schedule.js';
import { StaffTools } from './features/staff-tools.js';
import { StarHouseholds } from './features/star-households.js';
import { TenantRegistration } from './features/tenant-registration.js';

export function installFeatures(app: BotApp): BotApp {
  // The council first: it records who writes in each grid group (its voters) before anything claims a message.
  app.use(council(app));
  // Party links next: they only watch messages (disputes of linked households) and take none but their own commands.
  // Tenant registration before the rest: every message in the landlords' group is its own.
  app.use(new PartyLinks(app)).use(new TenantRegistration(app)).use(new StarHouseholds(app));
  app.use(dutyFeature(app)).use(scheduleFeature(app)).use(new StaffTools(app));
  app.use(mediation(app));
  return app;
}
