import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { endAllSessions } from './sessions.ts';
import { findUser, type FieldErrors } from './users.ts';

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'confirmPassword';

/**
 * Changes a user's own password after checking the current one. Ends every other session of the user (the
 * caller rotates the current one), since a password change often follows a suspected leak.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Pick<Actor, 'userId' | 'username'>,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  currentTokenHash: string,
): Promise<FieldErrors<PasswordChangeField>> {
  const user = await findUser(db, actor.userId);
  if (!user) throw new Error(`no user ${actor.userId}`);
  const errors: FieldErrors<PasswordChangeField> = {};
  if (!input.currentPassword) errors.currentPassword = 'Nhập mật khẩu hiện tại';
  else if (!(await verifyPassword(user.passwordHash, input.currentPassword))) errors.currentPassword = 'Mật khẩu hiện tại không đúng';
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) errors.newPassword = PASSWORD_PROBLEM_MESSAGES[problem];
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'Mật khẩu mới phải khác mật khẩu hiện tại';
  if (!errors.newPassword && input.confirmPassword !== input.newPassword) errors.confirmPassword = 'Nhập lại đúng mật khẩu mới';
  if (Object.keys(errors).length) return errors;
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    await endAllSessions(t, user.id, currentTokenHash);
    await recordAudit(t, { actor, action: 'auth.password.changed', targetType: 'user', targetId: user.id });
  });
  return {};
}
