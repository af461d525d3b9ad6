/// <reference types="astro/client" />

declare namespace App {
  /**
   * What the Hono server hands every on-demand Astro page (server/http/site.ts): the same handles the API
   * routes get through `c.var`. Pages pass `database.db` to domain modules; they never build SQL.
   */
  interface Locals {
    config: import('../server/config.ts').Config;
    database: import('../server/db/client.ts').Database;
    logger: import('../server/logger.ts').Logger;
    /** The signed-in staff member on admin pages; undefined for the public. Set by the auth middleware. */
    actor?: import('../server/auth/actor.ts').Actor;
    /** The staff session behind the request (admin area only), partial or full; carries the CSRF token. */
    staffSession?: import('../server/auth/sessions.ts').ResolvedSession;
    /** The login form's double-submit CSRF token (login page only). */
    loginCsrfToken?: string;
  }
}
