/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { council } from './features/council.js';
import { dutyFeature } from './features/duty.js';
import { mediation } from './features/mediation.js';
import { scheduleFeature } from './features/schedule.js';
import { StaffTools } from './features/staff-tools.js';

export function installFeatures(app: BotApp): BotApp {
  // The council first: it records who writes in each grid group (its voters) before anything claims a message.
  app.use(council(app));
  app.use(dutyFeature(app)).use(scheduleFeature(app)).use(new StaffTools(app));
  app.use(mediation(app));
  return app;
}
