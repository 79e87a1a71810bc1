/** Layering: imports point inward only (see docs in README "Architecture"). */
module.exports = {
  forbidden: [
    { name: 'core-is-pure', severity: 'error',
      comment: 'core/ must not import app/, adapters/, config loading, or runtime libraries',
      from: { path: '^src/core' },
      to: { path: ['^src/(app|adapters|config|cli|messages)', 'node_modules/(wechaty|wechaty-puppet[^/]*|lowdb|node-cron|exceljs)/'] } },
    { name: 'app-not-adapters', severity: 'error',
      comment: 'app/ talks to the outside through ports only',
      from: { path: '^src/app' },
      to: { path: ['^src/(adapters|cli)', 'node_modules/(wechaty|wechaty-puppet[^/]*|lowdb|node-cron)/'] } },
    { name: 'messages-are-leaves', severity: 'error',
      from: { path: '^src/messages' },
      to: { path: ['^src/(app|adapters|cli|config)'] } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
