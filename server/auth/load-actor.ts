import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { userQueues, type users } from '../db/schema.ts';
import { ROLES_WITH_QUEUES, type Actor } from './actor.ts';

type UserRow = typeof users.$inferSelect;

export async function queueCodesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ code: userQueues.queueCode }).from(userQueues).where(eq(userQueues.userId, userId)).orderBy(asc(userQueues.queueCode));
  return rows.map((row) => row.code);
}

/** The Actor every access check takes: role, queues from membership, unit for reporters. */
export async function loadActor(db: Db, user: Pick<UserRow, 'id' | 'username' | 'role' | 'unitCode'>): Promise<Actor> {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    queueCodes: ROLES_WITH_QUEUES.includes(user.role) ? await queueCodesOf(db, user.id) : [],
    unitCode: user.role === 'reporter' ? user.unitCode : null,
  };
}
