/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';
import { dutyFeature } from './features/duty.js';
import { scheduleFeature } from './features/schedule.js';
import { StaffTools } from './features/staff-tools.js';

export function installFeatures(app: BotApp): BotApp {
  app.use(dutyFeature(app)).use(scheduleFeature(app)).use(new StaffTools(app));
  return app;
}
