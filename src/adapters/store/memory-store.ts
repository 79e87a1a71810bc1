import type { Store } from '../../app/ports.js';

/** One change: put a value, or delete a key. */
export type Op = ['put', string, string, unknown] | ['del', string, string];

/** Collections in memory; `commit` hands the batch of changes to `persist` (a no-op here). */
export class MemoryStore implements Store {
  protected readonly data = new Map<string, Map<string, unknown>>();
  private pending: Op[] = [];

  get<T>(collection: string, key: string): T | undefined {
    return this.data.get(collection)?.get(key) as T | undefined;
  }

  put(collection: string, key: string, value: unknown): void {
    this.col(collection).set(key, value);
    this.pending.push(['put', collection, key, value]);
  }

  delete(collection: string, key: string): void {
    if (!this.data.get(collection)?.has(key)) return;
    this.data.get(collection)!.delete(key);
    this.pending.push(['del', collection, key]);
  }

  values<T>(collection: string): IterableIterator<T> {
    return (this.data.get(collection) ?? new Map()).values() as IterableIterator<T>;
  }

  keys(collection: string): IterableIterator<string> {
    return (this.data.get(collection) ?? new Map<string, unknown>()).keys();
  }

  /** Nothing is archived in memory: every value may still change. */
  unsettled<T>(collection: string): IterableIterator<T> {
    return this.values<T>(collection);
  }

  size(collection: string): number {
    return this.data.get(collection)?.size ?? 0;
  }

  async commit(): Promise<void> {
    if (!this.pending.length) return;
    const ops = this.pending;
    this.pending = [];
    await this.persist(ops);
  }

  async close(): Promise<void> {
    await this.commit();
  }

  /** Changes made since the last commit: the maps are then not a committed state. */
  protected get uncommitted(): boolean {
    return this.pending.length > 0;
  }

  protected async persist(_ops: Op[]): Promise<void> {}

  protected col(name: string): Map<string, unknown> {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new Map()));
    return c;
  }

  /** Applies a recorded change without recording it again (replay). */
  protected apply(op: Op): void {
    if (op[0] === 'put') this.col(op[1]).set(op[2], op[3]);
    else this.data.get(op[1])?.delete(op[2]);
  }
}
