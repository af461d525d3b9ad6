import type { Actor } from '../auth/actor.ts';
import { refuse } from './errors.ts';
import type { UnitRef } from './units.ts';

/**
 * Who may do what with outreach records (GlobaLeaks style: declared here, checked in every domain
 * function). Reporters record only for their own unit; supervisors and administrators for any; only
 * supervisors and administrators review; only administrators change the registry, report periods, or
 * anything inside a period whose report was sent.
 */
export function assertMayRecordFor(actor: Actor, units: readonly UnitRef[]): void {
  if (actor.role === 'admin' || actor.role === 'supervisor') return;
  if (actor.role !== 'reporter') throw refuse(403, null, 'Tài khoản này không có quyền ghi nhận buổi tuyên truyền.');
  if (!actor.unitCode) throw refuse(403, null, 'Tài khoản báo cáo viên chưa được gán đơn vị. Liên hệ quản trị viên.');
  const other = units.find((unit) => unit.code !== actor.unitCode);
  if (other) throw refuse(403, 'units', `Bạn chỉ được ghi nhận buổi tuyên truyền cho đơn vị của mình (${actor.unitCode}), không cho đơn vị ${other.code}.`);
}

export function assertMayReview(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'supervisor') {
    throw refuse(403, null, 'Chỉ cán bộ giám sát hoặc quản trị viên được duyệt buổi tuyên truyền.');
  }
}

/** The server's own shell (`npm run cli`): whoever can run it already administers the installation. */
export const CONSOLE_ACTOR: Actor = { userId: 'cli', username: 'cli', role: 'admin', queueCodes: [], unitCode: null };

export function assertAdministrator(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw refuse(403, null, `Chỉ quản trị viên được ${what}.`);
}
