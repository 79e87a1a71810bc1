// Starts app-worker.ts from the sources (tsx: `npm run start:dev`, tests, benchmarks of the
// sources); the built bot starts dist/bundle/app-worker.cjs instead (see threaded-runtime.ts).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
