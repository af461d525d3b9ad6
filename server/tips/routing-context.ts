import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, queues, routingRules } from '../db/schema.ts';
import type { RoutingCommune, RoutingQueue, RoutingRule } from './routing.ts';

export interface RoutingContext {
  rules: RoutingRule[];
  queues: Map<string, RoutingQueue>;
  communes: Map<string, RoutingCommune & { active: boolean }>;
}

/** How long a read of the rules, queues and communes serves tips: administrators' edits apply within it. */
const TTL_MS = 10_000;
const cache = new WeakMap<Db, { loadedAt: number; context: Promise<RoutingContext> }>();

/**
 * What routing needs, read once per ten seconds instead of three queries per tip: under load these reads
 * were most of a tip's database time, and they change only when an administrator edits them.
 */
export function routingContext(db: Db, now = Date.now()): Promise<RoutingContext> {
  const cached = cache.get(db);
  if (cached && now - cached.loadedAt < TTL_MS) return cached.context;
  const context = load(db);
  cache.set(db, { loadedAt: now, context });
  context.catch(() => cache.delete(db));
  return context;
}

/** After an administrator changes rules, queues or commune tags: the next tip reads them afresh. */
export function forgetRoutingContext(db: Db): void {
  cache.delete(db);
}

async function load(db: Db): Promise<RoutingContext> {
  const [ruleRows, queueRows, communeRows] = await Promise.all([
    db.select().from(routingRules).where(eq(routingRules.active, true)),
    db.select({ code: queues.code, name: queues.name, active: queues.active, communeCode: queues.communeCode }).from(queues),
    db.select({ code: communes.code, isBorder: communes.isBorder, isCoastal: communes.isCoastal, active: communes.active }).from(communes),
  ]);
  return {
    rules: ruleRows,
    queues: new Map(queueRows.map((queue) => [queue.code, queue])),
    communes: new Map(communeRows.map((commune) => [commune.code, commune])),
  };
}
