import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { hashToken, randomToken } from './tokens.ts';
import { loadActor } from './load-actor.ts';

/**
 * Staff sessions: a random token in the cookie, its hash in the database. A session ends after 30 minutes
 * without a request, or 12 hours after sign-in whatever the activity; one that has passed the password
 * only ('partial', waiting for the TOTP code) lasts 10 minutes.
 */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
export const PARTIAL_LIFETIME_MS = 10 * 60_000;
/** Activity is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionStage = 'partial' | 'full';

export interface NewSession {
  /** Goes in the cookie and nowhere else. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  tokenHash: string;
  stage: SessionStage;
  csrfToken: string;
  userId: string;
  username: string;
  mustChangePassword: boolean;
  totpConfirmed: boolean;
  /** Set for full sessions only: a partial session acts for no one yet. */
  actor: Actor | null;
}

export async function createSession(db: Db, userId: string, stage: SessionStage, now: Date): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + (stage === 'full' ? ABSOLUTE_LIFETIME_MS : PARTIAL_LIFETIME_MS));
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, stage, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** Whether a session is still valid at `now`. Pure. */
export function sessionAlive(session: { lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < IDLE_TIMEOUT_MS;
}

/**
 * The session a cookie token opens at `now`, or null. An expired session, or one whose user was
 * deactivated, is deleted on the way. A live one has its idle timer restarted (sliding expiry).
 */
export async function resolveSession(db: Db, token: string | undefined, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const { session, user } = row;
  if (!sessionAlive(session, now) || !user.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    tokenHash,
    stage: session.stage,
    csrfToken: session.csrfToken,
    userId: user.id,
    username: user.username,
    mustChangePassword: user.mustChangePassword,
    totpConfirmed: user.totpConfirmedAt !== null,
    actor: session.stage === 'full' ? await loadActor(db, user) : null,
  };
}

/**
 * Ends the presented session (if any) and opens a new one: on every sign-in step and privilege change, so a
 * token known before (fixation) is worth nothing after.
 */
export async function rotateSession(db: Db, oldTokenHash: string | null, userId: string, stage: SessionStage, now: Date): Promise<NewSession> {
  if (oldTokenHash) await db.delete(sessions).where(eq(sessions.tokenHash, oldTokenHash));
  return createSession(db, userId, stage, now);
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user ("log out everywhere", password reset, deactivation), optionally but one. */
export async function endAllSessions(db: Db, userId: string, exceptTokenHash?: string): Promise<number> {
  const condition = exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash)) : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Deletes sessions nobody can use any more; run at each sign-in so the table stays small. */
export async function purgeDeadSessions(db: Db, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - IDLE_TIMEOUT_MS);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
}
