import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, queues, userQueues, users } from '../db/schema.ts';
import { ROLES, ROLES_WITH_QUEUES, type Role } from './actor.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { generateOneTimePassword, hashPassword } from './passwords.ts';
import { queueCodesOf } from './load-actor.ts';
import { endAllSessions } from './sessions.ts';
import { newTotpSecret, totpUri } from './totp.ts';

/** Staff accounts: creation, listing and the administrator's changes. Every change is audited. */

export type UserRow = typeof users.$inferSelect;
export type UserField = 'username' | 'role' | 'queueCodes' | 'unitCode';
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Cán bộ xử lý tin',
  supervisor: 'Lãnh đạo hàng đợi',
  admin: 'Quản trị viên (tỉnh)',
  reporter: 'Cán bộ tuyên truyền',
};

export interface UserSettings {
  role: Role;
  queueCodes: string[];
  /** Reporters: a commune's 5-digit code or a school code. */
  unitCode: string | null;
}

export interface NewUserInput extends UserSettings {
  username: string;
}

export const normaliseUsername = (username: string) => username.trim().toLowerCase();

/** What is wrong with a role, its queues and its unit, field by field; empty when all is well. */
export async function settingsErrors(db: Db, settings: UserSettings): Promise<FieldErrors<UserField>> {
  const errors: FieldErrors<UserField> = {};
  if (!ROLES.includes(settings.role)) {
    errors.role = `Chọn một vai trò: ${ROLES.join(', ')}`;
    return errors;
  }
  const codes = [...new Set(settings.queueCodes)];
  if (ROLES_WITH_QUEUES.includes(settings.role)) {
    if (codes.length === 0) errors.queueCodes = 'Chọn ít nhất một hàng đợi cho cán bộ xử lý tin và lãnh đạo hàng đợi';
    else {
      const known = await db.select({ code: queues.code }).from(queues).where(inArray(queues.code, codes));
      const unknown = codes.filter((code) => !known.some((row) => row.code === code));
      if (unknown.length) errors.queueCodes = `Không có hàng đợi ${unknown.join(', ')}. Dùng mã hàng đợi, ví dụ pc04 hoặc cax-16681`;
    }
  } else if (codes.length) {
    errors.queueCodes =
      settings.role === 'admin'
        ? 'Quản trị viên xem được mọi hàng đợi: không chọn hàng đợi'
        : 'Cán bộ tuyên truyền không làm việc với hàng đợi: không chọn hàng đợi';
  }
  const unit = settings.unitCode?.trim() ?? '';
  if (settings.role === 'reporter') {
    if (!unit) errors.unitCode = 'Nhập mã đơn vị của cán bộ tuyên truyền: mã xã, phường (5 chữ số) hoặc mã trường';
    else if (/^\d{5}$/.test(unit)) {
      const [commune] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, unit));
      if (!commune) errors.unitCode = `Không có xã, phường mã ${unit} ở Nghệ An`;
    } else if (!/^[A-Za-z0-9-]{2,32}$/.test(unit)) errors.unitCode = 'Mã đơn vị chỉ gồm chữ, số và dấu gạch ngang (tối đa 32 ký tự)';
  } else if (unit) errors.unitCode = 'Chỉ cán bộ tuyên truyền có mã đơn vị: để trống ô này';
  return errors;
}

export async function newUserErrors(db: Db, input: NewUserInput): Promise<FieldErrors<UserField>> {
  const errors: FieldErrors<UserField> = {};
  const username = normaliseUsername(input.username);
  if (!username) errors.username = 'Nhập tên đăng nhập';
  else if (!USERNAME_PATTERN.test(username))
    errors.username = 'Tên đăng nhập dài 3–32 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang';
  else if (await findUserByUsername(db, username)) errors.username = `Tên đăng nhập ${username} đã có người dùng. Chọn tên khác`;
  return { ...errors, ...(await settingsErrors(db, input)) };
}

export interface CreatedUser {
  user: UserRow;
  /** Shown once to whoever created the account; only its hash is kept. */
  oneTimePassword: string;
  totpUri: string;
}

/** Creates an account with a one-time password and a TOTP secret still to confirm. Validate first. */
export async function createUser(db: Db, input: NewUserInput, by: AuditActor): Promise<CreatedUser> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const totpSecret = newTotpSecret();
  const user = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: normaliseUsername(input.username),
        role: input.role,
        unitCode: input.role === 'reporter' ? input.unitCode?.trim() || null : null,
        passwordHash,
        mustChangePassword: true,
        totpSecret,
      })
      .returning();
    await setQueues(tx, created!.id, input.role, input.queueCodes);
    await recordAudit(tx, {
      actor: by,
      action: 'user.created',
      targetType: 'user',
      targetId: created!.id,
      detail: { username: created!.username, role: input.role, queueCodes: queueCodesFor(input.role, input.queueCodes), unitCode: created!.unitCode },
    });
    return created!;
  });
  return { user, oneTimePassword, totpUri: totpUri(totpSecret, user.username) };
}

const queueCodesFor = (role: Role, codes: string[]) => (ROLES_WITH_QUEUES.includes(role) ? [...new Set(codes)].sort() : []);

async function setQueues(db: Db, userId: string, role: Role, codes: string[]): Promise<void> {
  await db.delete(userQueues).where(eq(userQueues.userId, userId));
  const wanted = queueCodesFor(role, codes);
  if (wanted.length) await db.insert(userQueues).values(wanted.map((queueCode) => ({ userId, queueCode })));
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)));
  return row ?? null;
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export interface UserListItem extends UserRow {
  queueCodes: string[];
}

/** Every account, by username, with its queues. */
export async function listUsers(db: Db): Promise<UserListItem[]> {
  const [rows, memberships] = await Promise.all([
    db.select().from(users).orderBy(asc(users.username)),
    db.select().from(userQueues).orderBy(asc(userQueues.queueCode)),
  ]);
  return rows.map((row) => ({ ...row, queueCodes: memberships.filter((m) => m.userId === row.id).map((m) => m.queueCode) }));
}

/**
 * Changes role, queues and unit. A change of privilege ends the user's sessions: they sign in again and get
 * a fresh session under the new rights.
 */
export async function updateUserSettings(db: Db, userId: string, settings: UserSettings, by: AuditActor): Promise<void> {
  const before = await findUser(db, userId);
  if (!before) throw new Error(`no user ${userId}`);
  const beforeQueues = await queueCodesOf(db, userId);
  const unitCode = settings.role === 'reporter' ? settings.unitCode?.trim() || null : null;
  const afterQueues = queueCodesFor(settings.role, settings.queueCodes);
  const changed: Record<string, unknown> = {};
  if (before.role !== settings.role) changed.role = { from: before.role, to: settings.role };
  if (before.unitCode !== unitCode) changed.unitCode = { from: before.unitCode, to: unitCode };
  if (beforeQueues.join() !== afterQueues.join()) changed.queueCodes = { from: beforeQueues, to: afterQueues };
  if (Object.keys(changed).length === 0) return;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.update(users).set({ role: settings.role, unitCode, updatedAt: new Date() }).where(eq(users.id, userId));
    await setQueues(t, userId, settings.role, settings.queueCodes);
    await endAllSessions(t, userId);
    await recordAudit(t, { actor: by, action: 'user.updated', targetType: 'user', targetId: userId, detail: changed });
  });
}

/** A new one-time password (shown once); the user must choose their own at the next sign-in. */
export async function resetPassword(db: Db, userId: string, by: AuditActor): Promise<string> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, userId));
    await endAllSessions(t, userId);
    await recordAudit(t, { actor: by, action: 'user.password.reset', targetType: 'user', targetId: userId });
  });
  return oneTimePassword;
}

/** A new TOTP secret to enrol at the next sign-in (lost phone); returns its otpauth:// URI. */
export async function resetTotp(db: Db, userId: string, by: AuditActor): Promise<string> {
  const user = await findUser(db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  const totpSecret = newTotpSecret();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.update(users).set({ totpSecret, totpConfirmedAt: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, userId));
    await endAllSessions(t, userId);
    await recordAudit(t, { actor: by, action: 'user.totp.reset', targetType: 'user', targetId: userId });
  });
  return totpUri(totpSecret, user.username);
}

/** Deactivates (ends every session at once) or reactivates an account. Accounts are never deleted: the audit log names them. */
export async function setUserActive(db: Db, userId: string, active: boolean, by: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId));
    if (!active) await endAllSessions(t, userId);
    await recordAudit(t, { actor: by, action: active ? 'user.reactivated' : 'user.deactivated', targetType: 'user', targetId: userId });
  });
}
