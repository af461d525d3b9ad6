import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Captcha } from './captcha/captcha.ts';
import type { Actor } from './auth/actor.ts';
import type { ResolvedSession } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './logger.ts';
import type { Secrets } from './secrets.ts';

/**
 * Renders one of Astro's on-demand pages as the answer to an API request from a browser form (no
 * JavaScript): the route hands its outcome to the page through `locals`. Null without a site build.
 */
export type RenderPage = (c: Context<AppEnv>, path: string, locals: Partial<App.Locals>, status?: number) => Promise<Response>;

/** What every route can reach through `c.var`, set once per request by the app. */
export interface AppVariables {
  config: Config;
  database: Database;
  logger: Logger;
  secrets: Secrets;
  captcha: Captcha;
  renderPage: RenderPage | null;
  /** The signed-in staff member, on routes behind staffSession() (server/http/staff-session.ts). */
  actor?: Actor;
  staffSession?: ResolvedSession;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: AppVariables;
}
