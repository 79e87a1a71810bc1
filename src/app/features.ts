/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { dutyFeature } from './features/duty.js';
import { PartyLinks } from './features/party-links.js';
import { scheduleFeature } from './features/schedule.js';
import { StaffTools } from './features/staff-tools.js';
import { StarHouseholds } from './features/star-households.js';
import { TenantRegistration } from './features/tenant-registration.js';

export function installFeatures(app: BotApp): BotApp {
  // Party links first: they only watch messages (disputes of linked households) and take none but their own commands.
  // Tenant registration before the rest: every message in the landlords' group is its own.
  app.use(new PartyLinks(app)).use(new TenantRegistration(app)).use(new StarHouseholds(app));
  app.use(dutyFeature(app)).use(scheduleFeature(app)).use(new StaffTools(app));
  return app;
}
