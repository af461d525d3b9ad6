/// <reference types="astro/client" />

declare namespace App {
  /**
   * What the Hono server hands every on-demand Astro page (server/http/site.ts): the same handles the API
   * routes get through `c.var`. Pages pass `database.db` to domain modules; they never build SQL.
   */
  interface Locals {
    config: import('#server/config.ts').Config;
    database: import('#server/db/client.ts').Database;
    logger: import('#server/logger.ts').Logger;
    secrets: import('#server/secrets.ts').Secrets;
    captcha: import('#server/captcha/captcha.ts').Captcha;
    /** The status the API route answers with when it has a page render its outcome (RenderPage). */
    responseStatus?: number;
    /** Set by POST /api/tips for a browser form: the tip's receipt, or the errors and what was typed. */
    tipOutcome?: import('#server/tips/tip-page.ts').TipPageOutcome;
    /** Set by POST /api/follow-up(/messages) for a browser form. */
    followUpOutcome?: import('#server/tips/tip-page.ts').FollowUpPageOutcome;
    /** The signed-in staff member on admin pages; undefined for the public. Set by the auth middleware. */
    actor?: import('#server/auth/actor.ts').Actor;
    /** The staff session behind the request (admin area only), partial or full; carries the CSRF token. */
    staffSession?: import('#server/auth/sessions.ts').ResolvedSession;
    /** The login form's double-submit CSRF token (login page only). */
    loginCsrfToken?: string;
  }
}
