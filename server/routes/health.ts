import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Liveness and database reachability, for load balancers and monitoring. */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  const { database } = c.var;
  const reachable = await database.ping();
  return c.json({ status: reachable ? 'ok' : 'unavailable', db: database.kind }, reachable ? 200 : 503);
});
