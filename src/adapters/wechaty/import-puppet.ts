/**
 * Loads a puppet package by name. When `npm start` runs the bundle (scripts/bundle.ts), the
 * official puppets are inside it and registered in `globalThis.__gridBotPuppets`: the bundled copy
 * must be the one loaded, or the process would hold two copies (twice the start-up, and the
 * handlers process-guard removes from one would come back with the other).
 */
type PuppetLoaders = Record<string, (() => Promise<unknown>) | undefined>;

export function importPuppet(name: string): Promise<unknown> {
  const bundled = (globalThis as { __gridBotPuppets?: PuppetLoaders }).__gridBotPuppets?.[name];
  return bundled ? bundled() : import(name);
}
