/** The capabilities plugged into the app, in the order they are asked. */
import type { BotApp } from './bot-app.js';

export function installFeatures(app: BotApp): BotApp {
  return app;
}
