/**
 * Imported FIRST by the entry points: Wechaty and its puppets read their log level when they are
 * imported (and log to stdout), and ESM runs every import before the importing module's body, so
 * setting these in main.ts's body would be too late. The bot's own logger is GRID_BOT_LOG.
 */
process.env.WECHATY_LOG ??= 'silent';
process.env.BROLOG_LEVEL ??= 'silent';

export {};
