/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { TenantRegistration } from './features/tenant-registration.js';
import { StarHouseholds } from './features/star-households.js';

export function installFeatures(app: BotApp): BotApp {
  app.use(new TenantRegistration(app));
  app.use(new StarHouseholds(app));
  return app;
}
