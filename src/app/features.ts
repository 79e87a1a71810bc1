/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { PartyLinks } from './features/party-links.js';
import { TenantRegistration } from './features/tenant-registration.js';
import { StarHouseholds } from './features/star-households.js';

export function installFeatures(app: BotApp): BotApp {
  // First: it only watches messages (disputes of linked households) and takes none but its own commands.
  app.use(new PartyLinks(app));
  app.use(new TenantRegistration(app));
  app.use(new StarHouseholds(app));
  return app;
}
