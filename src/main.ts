/**
 * npm start [-- --config FILE] [--data DIR]
 * Composition root: config → app thread (store, app, schedules) → Wechaty (wechat4u by default).
 */
import './adapters/quiet-libraries.js'; // first: before anything imports Wechaty
import fs from 'node:fs';
import path from 'node:path';
import qrcode from 'qrcode-terminal';
import { configPath, loadConfig } from './config/load-config.js';
import { createThreadedRuntime, type ThreadedRuntime } from './adapters/threaded-runtime.js';
import { createLogger, type Level } from './adapters/log.js';
import { StoreError, JournalStore } from './adapters/store/journal-store.js';
import { restoreHint } from './adapters/store/backups.js';
import { guardProcess, importWithoutProcessHandlers } from './adapters/process-guard.js';
import { cliArgs, fail } from './cli/args.js';

const WECHAT4U = 'wechaty-puppet-wechat4u';
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error', 'silent'];

async function main(): Promise<void> {
  // Everything this process creates (data, backups, the WeChat login in <botName>.memory-card.json)
  // is for the owner only; an existing memory card from an older start is tightened too.
  process.umask(0o077);
  const { values } = cliArgs({ config: { type: 'string' }, data: { type: 'string' } });
  const level = LEVELS.find((l) => l === process.env.GRID_BOT_LOG) ?? 'info';
  const log = createLogger(level);
  const config = loadConfig(configPath(process.argv));
  const dataDir = path.resolve(values.data ?? process.env.GRID_BOT_DATA ?? 'data');
  const puppet = process.env.WECHATY_PUPPET ?? WECHAT4U;
  const clock = { now: () => Date.now() };
  const memoryCard = path.resolve(`${config.botName}.memory-card.json`);
  if (fs.existsSync(memoryCard)) fs.chmodSync(memoryCard, 0o600);

  let rt: ThreadedRuntime | undefined;
  try {
    rt = await createThreadedRuntime({
      config,
      dataDir,
      clock,
      log,
      logLevel: level,
      schedules: true,
      pacing: config.sending,
      puppet: puppet as never,
      name: config.botName,
      retry: config.reconnect,
      // Load the puppet while the app thread opens the data, so that the handlers it installs on
      // import (wechat4u prints every stray error with its stack to stdout) can be replaced by
      // one-line logging; see process-guard.ts.
      whileStarting: async () => {
        await importWithoutProcessHandlers(puppet).catch((e) => fail(`Cannot load the puppet "${puppet}" (${(e as Error).message}). Install it or set WECHATY_PUPPET.`));
        guardProcess(log, () => rt?.keeper.restarting ?? false);
      },
      // Without its app the bot cannot answer anyone: end, so that the service manager starts it
      // again (the data is on disk; unsent replies go out at the next start).
      onFatal: (e) => {
        log.error('the app stopped; exiting', e);
        process.exit(1);
      },
    });
  } catch (e) {
    if (e instanceof StoreError) {
      const failed = e.message.includes(JournalStore.journalPath(dataDir)) ? 'journal' : 'snapshot';
      fail(`${e.message}\n${restoreHint(dataDir, failed)}`);
    }
    throw e;
  }
  const runtime = rt;

  runtime.bot.on('scan', (qr, status) => {
    log.info(`scan the QR code with the bot's WeChat account (status ${status})`);
    qrcode.generate(qr, { small: true }, (art) => process.stderr.write(`${art}\n`));
  });
  runtime.bot.on('login', (user) => {
    log.info(`logged in as ${user.name()}; data in ${dataDir}`);
    runtime.app.tick().catch((e) => log.error('scheduled jobs failed', e));
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting now (the data is safe; unsent replies go out at the next start)`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: no new messages; sending what is queued, then stopping`);
    try {
      // wechat4u logs the account out when stopped; leaving it running lets the next start reuse the login.
      await runtime.stop({ keepLogin: puppet === WECHAT4U });
      log.info(`stopped; data saved in ${dataDir}`);
      process.exit(0);
    } catch (e) {
      log.error('stopping failed', e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await runtime.keeper.start();
  log.info(`grid bot started for ${config.community.name}: ${config.grids.length} grids, puppet ${puppet}`);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
