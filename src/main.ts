/**
 * npm start [-- --config FILE] [--data DIR]
 * Composition root: config → store → app → Wechaty (wechat4u by default) → schedules.
 */
process.env.WECHATY_LOG ??= 'silent';
process.env.BROLOG_LEVEL ??= 'silent';

import path from 'node:path';
import qrcode from 'qrcode-terminal';
import { configPath, loadConfig } from './config/load-config.js';
import { createRuntime } from './adapters/runtime.js';
import { createLogger, type Level } from './adapters/log.js';
import { DEFAULT_PACING } from './adapters/wechaty/pacing.js';
import { startTicker } from './adapters/scheduler/cron-ticker.js';
import { cliArgs, fail } from './cli/args.js';

async function main(): Promise<void> {
  const { values } = cliArgs({ config: { type: 'string' }, data: { type: 'string' } });
  const log = createLogger((process.env.GRID_BOT_LOG as Level) ?? 'info');
  const config = loadConfig(configPath(process.argv));
  const dataDir = path.resolve(values.data ?? process.env.GRID_BOT_DATA ?? 'data');
  const puppet = (process.env.WECHATY_PUPPET ?? 'wechaty-puppet-wechat4u') as never;
  const clock = { now: () => Date.now() };
  const rt = await createRuntime({ config, dataDir, clock, log, pacing: DEFAULT_PACING, puppet, name: config.botName });
  const ticker = startTicker(rt.app, clock, (r) => rt.attached.queue.push(r), log, config.timezone, () => rt.bot.isLoggedIn);

  rt.bot.on('scan', (qr, status) => {
    log.info(`scan the QR code with the bot's WeChat account (status ${status})`);
    qrcode.generate(qr, { small: true }, (art) => process.stderr.write(`${art}\n`));
  });
  rt.bot.on('login', (user) => {
    log.info(`logged in as ${user.name()}; data in ${dataDir}`);
    void ticker.tick();
  });
  rt.bot.on('logout', (user) => log.warn(`logged out (${user.name()}); waiting for a new QR scan`));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing queued work and stopping`);
    ticker.stop();
    await rt.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await rt.bot.start();
  log.info(`grid bot started for ${config.community.name}: ${config.grids.length} grids, puppet ${String(puppet)}`);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
