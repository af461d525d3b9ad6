import type { AuditFilter } from '#server/auth/audit.ts';
import { parseVietnamDay } from './forms.ts';

/** The audit page's filter as typed in the query string (kept for redisplay) and as the query needs it. */
export interface AuditQuery {
  values: { actor: string; action: string; targetType: string; targetId: string; from: string; until: string };
  filter: AuditFilter;
  page: number;
  errors: { from?: string; until?: string };
}

const DAY_MS = 24 * 60 * 60_000;

export function auditQueryFrom(params: URLSearchParams, badDateMessage: string): AuditQuery {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 200);
  const values = {
    actor: get('actor'),
    action: get('action'),
    targetType: get('targetType'),
    targetId: get('targetId'),
    from: get('from'),
    until: get('until'),
  };
  const errors: AuditQuery['errors'] = {};
  const from = values.from ? parseVietnamDay(values.from) : null;
  const untilDay = values.until ? parseVietnamDay(values.until) : null;
  if (values.from && !from) errors.from = badDateMessage;
  if (values.until && !untilDay) errors.until = badDateMessage;
  const filter: AuditFilter = {};
  if (values.actor) filter.actorId = values.actor;
  if (values.action) filter.action = values.action;
  if (values.targetType) filter.targetType = values.targetType;
  if (values.targetId) filter.targetId = values.targetId;
  if (from) filter.from = from;
  // "Until 31/12" includes the whole of 31/12.
  if (untilDay) filter.until = new Date(untilDay.getTime() + DAY_MS);
  const page = Math.max(1, Number.parseInt(get('trang'), 10) || 1);
  return { values, filter, page, errors };
}

/** The same filter on another page, for the pagination links. */
export function auditPageHref(base: string, values: AuditQuery['values'], page: number): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ''));
  if (page > 1) params.set('trang', String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
