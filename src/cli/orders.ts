/** npm run orders -- [--data DIR]: the stored orders as JSON lines. */
import path from 'node:path';
import { JournalStore } from '../adapters/store/journal-store.js';
import type { Order } from '../core/model.js';
import { writeOut } from '../adapters/wechaty/simulator.js';
import { cliArgs, fail } from './args.js';

async function main(): Promise<void> {
  const { values } = cliArgs({ data: { type: 'string' } });
  const dir = path.resolve(values.data ?? process.env.GRID_BOT_DATA ?? 'data');
  const store = await JournalStore.open(dir, { readOnly: true });
  const orders = [...store.values<Order>('orders')].sort((a, b) => a.id - b.id);
  for (const o of orders) {
    const at = (action: string) => o.history.filter((h) => h.action === action).at(-1)?.at ?? null;
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    writeOut(
      `${JSON.stringify({
        id: o.id,
        grid: o.gridId,
        kind: o.kind,
        category: o.category,
        status: o.status,
        resident: o.residentId,
        claimer: o.claimerId,
        rating: o.rating,
        urgent: o.urgent,
        createdAt: iso(o.createdAt),
        claimedAt: iso(at('claim') ?? at('assign')),
        resolvedAt: iso(at('resolve')),
        ratedAt: iso(at('rate')),
        updatedAt: iso(o.updatedAt),
      })}\n`,
    );
  }
  await store.close();
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
