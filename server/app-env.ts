import type { HttpBindings } from '@hono/node-server';
import type { Actor } from './auth/actor.ts';
import type { ResolvedSession } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './logger.ts';

/** What every route can reach through `c.var`, set once per request by the app. */
export interface AppVariables {
  config: Config;
  database: Database;
  logger: Logger;
  /** The signed-in staff member, on routes behind staffSession() (server/http/staff-session.ts). */
  actor?: Actor;
  staffSession?: ResolvedSession;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: AppVariables;
}
