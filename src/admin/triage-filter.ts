import type { Actor } from '#server/auth/actor.ts';
import { parseTipId } from '#server/triage/access.ts';
import { QUEUE_SORTS, type QueueFilters, type QueueSort } from '#server/triage/queue-list.ts';
import { parseVietnamDay } from './forms.ts';

/**
 * The queue list's filter as typed in the query string (kept for redisplay) and as listQueueTips takes it.
 * Query names are Vietnamese-free ASCII so links stay short; dates accept dd/mm/yyyy or a date input's
 * yyyy-mm-dd; a bad value is an error beside its field, and the list is then not queried at all.
 */
export const FILTER_NAMES = ['queue', 'view', 'status', 'category', 'commune', 'from', 'until', 'tag', 'photos', 'captcha', 'mine', 'place', 'sort'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

export interface TriageQuery {
  values: Record<FilterName, string>;
  filters: QueueFilters;
  errors: Partial<Record<'queue' | 'from' | 'until', string>>;
  /** The keyset cursor of this page ('' on page 1). */
  after: string;
}

const DAY_MS = 24 * 60 * 60_000;

export function triageQueryFrom(params: URLSearchParams, actor: Actor, messages: { badDate: string; badRange: string; badQueue: string }): TriageQuery {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 200);
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, get(name)])) as TriageQuery['values'];
  const errors: TriageQuery['errors'] = {};
  const filters: QueueFilters = {};
  if (values.queue) {
    if (actor.role !== 'admin' && !actor.queueCodes.includes(values.queue)) errors.queue = messages.badQueue;
    else filters.queue = values.queue;
  }
  if (values.view === 'copies') filters.view = 'copies';
  if (values.status) filters.status = values.status;
  if (values.category) filters.category = values.category;
  if (values.commune) filters.communeCode = values.commune;
  const from = values.from ? parseVietnamDay(values.from) : null;
  const until = values.until ? parseVietnamDay(values.until) : null;
  if (values.from && !from) errors.from = messages.badDate;
  if (values.until && !until) errors.until = messages.badDate;
  if (from && until && from > until) errors.until = messages.badRange;
  if (from) filters.from = from;
  // "Until 31/12" includes the whole of 31/12.
  if (until) filters.until = new Date(until.getTime() + DAY_MS);
  if (values.tag) filters.tag = values.tag.normalize('NFC').toLocaleLowerCase('vi');
  if (values.photos === '1') filters.hasPhotos = true;
  if (values.captcha === '1') filters.captchaUnverified = true;
  if (values.mine === '1') filters.assignedToMe = true;
  const place = parseTipId(values.place);
  if (place) filters.samePlaceAs = place;
  if ((QUEUE_SORTS as readonly string[]).includes(values.sort)) filters.sort = values.sort as QueueSort;
  const after = get('after');
  if (after) filters.after = after;
  return { values, filters, errors, after };
}

/** The list's address for these filter values (and a page cursor): only the filters that are set. */
export function triageListHref(base: string, values: Partial<Record<FilterName, string>>, after?: string | null): string {
  const params = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
