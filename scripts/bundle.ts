/**
 * npm run bundle: builds the bot (src/main.ts with Wechaty and its puppets) into one file,
 * dist/bundle/grid-bot.cjs, and the app's worker thread into dist/bundle/app-worker.cjs; both are
 * run by dist/bundle/start.cjs (`npm start`).
 *
 * Why: a start of the unbundled bot spends most of its time finding, reading and compiling
 * Wechaty's 1,500 modules. One file and V8's code cache (see bundle-start.cjs) cut that by half.
 *
 * What stays outside: optional storage back-ends of memory-card, native modules, wechaty-grpc
 * (it requires its generated files by computed paths) and raven; they load from node_modules if
 * ever used. Puppets named in WECHATY_PUPPET resolve to the bundled copies of the official ones
 * (wechat4u, mock) and to node_modules for any other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/bundle');

/** The puppets bundled with the bot, by the names WECHATY_PUPPET takes. */
const PUPPETS = ['wechaty-puppet-wechat4u', 'wechaty-puppet-mock'];

/** Makes wechaty-puppet's resolver (`await import(puppetName)`) find the bundled puppets first. */
export const bundledPuppets: esbuild.Plugin = {
  name: 'bundled-puppets',
  setup(build) {
    build.onLoad({ filter: /wechaty-puppet[/\\]dist[/\\]esm[/\\]src[/\\]puppet[/\\]puppet-resolver\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const from = 'puppetModule = await import(puppetName);';
      if (!text.includes(from)) throw new Error(`${args.path}: the puppet resolver changed; update scripts/bundle.ts`);
      return { contents: text.replace(from, 'puppetModule = await (globalThis.__gridBotPuppets?.[puppetName]?.() ?? import(puppetName));'), loader: 'js' };
    });
  },
};

/**
 * Wechaty imports wechaty-puppet-service (gRPC, protobuf: a tenth of a start) only for its IO
 * client (`WECHATY_TOKEN`), which the bot does not use: that import is made lazy, so the package
 * is evaluated the first time something in it is used, and never otherwise.
 */
export const lazyPuppetService: esbuild.Plugin = {
  name: 'lazy-puppet-service',
  setup(build) {
    build.onResolve({ filter: /^wechaty-puppet-service$/ }, (args) =>
      /wechaty[/\\]dist[/\\]esm[/\\]src[/\\]io-client\.js$/.test(args.importer) ? { path: 'wechaty-puppet-service', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: [
        'let real;',
        "const load = () => (real ??= require('wechaty-puppet-service'));",
        "Object.defineProperty(module.exports, 'PuppetServer', { enumerable: true, get: () => load().PuppetServer });",
      ].join('\n'),
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

/** Bundles `main` (default: the bot) into `out` (default: dist/bundle/grid-bot.cjs) with its launcher. */
export async function bundle(main = './src/main.ts', out = path.join(OUT, 'grid-bot.cjs')): Promise<void> {
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const entry = [
    `globalThis.__gridBotPuppets = { ${PUPPETS.map((p) => `${JSON.stringify(p)}: () => import(${JSON.stringify(p)})`).join(', ')} };`,
    `require(${JSON.stringify(main)});`,
  ].join('\n');
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
    // ESM sources read import.meta.url (package versions, paths): give them the bundle's own.
    define: { 'import.meta.url': '__gridBotImportMetaUrl' },
    banner: { js: "const __gridBotImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'bundle-entry.js', loader: 'js' },
      outfile: out,
      plugins: [bundledPuppets, lazyPuppetService],
      external: ['aws-sdk', 'etcd3', 'esdk-obs-nodejs', 'cos-nodejs-sdk-v5', 'leveldown', 'wechaty-grpc', 'raven', 'bufferutil', 'utf-8-validate'],
    }),
    // The app's worker thread (src/adapters/app-thread): the store, the parser, the order logic.
    esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'src/adapters/app-thread/app-worker.ts')], outfile: path.join(path.dirname(out), 'app-worker.cjs') }),
  ]);
  fs.writeFileSync(path.join(path.dirname(out), 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  fs.copyFileSync(path.join(ROOT, 'scripts/bundle-start.cjs'), path.join(path.dirname(out), 'start.cjs'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  bundle()
    .then(() => {
      const mb = (f: string) => (fs.statSync(path.join(OUT, f)).size / 1e6).toFixed(1);
      process.stdout.write(`dist/bundle/grid-bot.cjs: ${mb('grid-bot.cjs')} MB, app-worker.cjs: ${mb('app-worker.cjs')} MB, in ${Math.round(performance.now() - t0)} ms\n`);
    })
    .catch((e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
