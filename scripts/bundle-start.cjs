'use strict';
/**
 * `npm start` runs this: the bot built into one file (dist/bundle/grid-bot.cjs, see
 * scripts/bundle.ts), run with V8's compiled code kept from the previous start
 * (grid-bot.cjs.v8cache), so that a start reads one file and compiles almost nothing.
 * Loading Wechaty's 1,500 modules one by one is most of what a start costs otherwise.
 * The cache is written a few seconds after a start that had none (or a stale one); V8 checks
 * it against the file and the Node version and ignores it when they differ.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const { isMainThread } = require('node:worker_threads');

// The same launcher starts the app's worker thread (src/adapters/app-thread/app-thread.ts).
const file = path.join(__dirname, isMainThread ? 'grid-bot.cjs' : 'app-worker.cjs');
const cacheFile = `${file}.v8cache`;
let source;
try {
  source = fs.readFileSync(file, 'latin1'); // the bundle is ASCII (esbuild escapes the rest)
} catch {
  process.stderr.write(`${file} is missing: run "npm run bundle" (npm start does it first).\n`);
  process.exit(2);
}
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// `import()` of a package outside the bundle (a puppet by another name) loads it as usual. Node 20
// calls that option experimental and says so when it is first used; that warning alone is dropped.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER') ? undefined : emitWarning.call(process, warning, ...rest));
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const rejected = !cachedData || script.cachedDataRejected;
cachedData = undefined; // not kept for the life of the process
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(__dirname);
bundle.loaded = true;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, __dirname);
if (rejected) {
  // After start-up, so that the functions start-up compiled are in it.
  setTimeout(() => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // a read-only install starts without the cache, just slower
    }
  }, 3000).unref();
}
