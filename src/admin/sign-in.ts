import type { AstroGlobal } from 'astro';
import { sessionCookie } from '#server/auth/cookies.ts';
import { rotateSession, type SessionStage } from '#server/auth/sessions.ts';

/**
 * Moves the browser to a new session after a sign-in step or a privilege change: the old token is deleted,
 * a fresh one set in the cookie (no fixation), and the caller redirects.
 */
export async function startNewSession(astro: Pick<AstroGlobal, 'locals' | 'cookies'>, userId: string, stage: SessionStage, now: Date): Promise<void> {
  const { database, config, staffSession } = astro.locals;
  const session = await rotateSession(database.db, staffSession?.tokenHash ?? null, userId, stage, now);
  const cookie = sessionCookie(config.behindTls);
  astro.cookies.set(cookie.name, session.token, cookie.options);
}
