import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import { open, openText } from '../crypto/keyring.ts';
import type { Db } from '../db/client.ts';
import { namedStatement } from '../db/statement.ts';
import { tipMessages, tipNotes, tipPhotos, users } from '../db/schema.ts';
import type { Secrets } from '../secrets.ts';
import { findTipInScope, isSupervising, visibleTipsParams, visibleTipsText, type TipAccess, type TipRow } from './access.ts';

/**
 * One tip as an officer reads it, decrypted, with everything around it. Reading it is itself recorded
 * ('tip.viewed'). Counts of other tips about the same place, or the same commune and category, cover the
 * last 90 days and only tips the caller may see: the number then matches the list its link opens, and it
 * tells nothing about other units' queues. Those counts relate tips by place, never by who sent them.
 */

export const RELATED_DAYS = 90;
/** Related counts stop past this (a count above it reads "100+"): counting further costs more than it tells. */
export const RELATED_COUNT_CAP = 100;

export interface TipPhotoRef {
  id: number;
  width: number;
  height: number;
}

export interface TipDetail {
  id: number;
  access: TipAccess;
  /** The caller may assign to others and transfer. */
  supervising: boolean;
  purged: boolean;
  status: string;
  category: string;
  communeCode: string | null;
  communeName: string | null;
  observedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
  description: string | null;
  place: string | null;
  avoidCommunePolice: boolean;
  captchaStatus: 'verified' | 'unverified';
  routingReason: string;
  ownerQueue: { code: string; name: string };
  copyQueues: { code: string; name: string }[];
  assignee: { id: string; username: string } | null;
  photos: TipPhotoRef[];
  messages: { id: number; author: 'tipster' | 'police'; authorName: string | null; text: string | null; sentAt: Date; photos: TipPhotoRef[] }[];
  notes: { id: number; authorName: string; text: string | null; at: Date }[];
  tags: string[];
  links: { tipId: number; kind: 'duplicate' | 'related'; direction: 'repeats' | 'repeatedBy' | 'related' }[];
  history: { at: Date; actorName: string; action: string; detail: Record<string, unknown> }[];
  related: { since: Date; samePlace: number | null; sameCommuneAndCategory: number | null };
}

const sealedText = (secrets: Secrets, keyId: string, data: Buffer | null) => (data ? openText(secrets.tipKeys, { keyId, data }) : null);

/** The tip for the caller, or null when it is missing or outside their scope. Writes 'tip.viewed'. */
export async function tipDetail(db: Db, secrets: Secrets, actor: Actor, tipId: number, now = new Date()): Promise<TipDetail | null> {
  const scope = await findTipInScope(db, actor, tipId);
  if (!scope) return null;
  const { tip } = scope;
  const since = new Date(now.getTime() - RELATED_DAYS * 86_400_000);
  // Three statements and the audit entry, side by side: what is around the tip in one, the sealed
  // conversation and notes in the other two (a page read costs round trips and planning, not rows).
  const [context, messages, notes] = await Promise.all([
    tipContext(db, actor, tip, since),
    db
      .select({
        id: tipMessages.id,
        author: tipMessages.author,
        authorName: users.username,
        keyId: tipMessages.keyId,
        textSealed: tipMessages.textSealed,
        sentAt: tipMessages.createdAt,
      })
      .from(tipMessages)
      .leftJoin(users, eq(users.id, tipMessages.authorUserId))
      .where(eq(tipMessages.tipId, tip.id))
      .orderBy(asc(tipMessages.createdAt), asc(tipMessages.id)),
    db.select().from(tipNotes).where(eq(tipNotes.tipId, tip.id)).orderBy(asc(tipNotes.createdAt), asc(tipNotes.id)),
    recordAudit(db, { actor, action: 'tip.viewed', targetType: 'tip', targetId: String(tip.id) }, now),
  ]);
  const photoRef = ({ id, width, height }: TipPhotoRow) => ({ id, width, height });
  return {
    id: tip.id,
    access: scope.access,
    supervising: isSupervising(actor),
    purged: tip.purgedAt !== null,
    status: tip.status,
    category: tip.category,
    communeCode: tip.communeCode,
    communeName: context.commune_name,
    observedOn: tip.observedOn,
    createdAt: tip.createdAt,
    updatedAt: tip.updatedAt,
    description: sealedText(secrets, tip.keyId, tip.descriptionSealed),
    place: sealedText(secrets, tip.keyId, tip.placeSealed),
    avoidCommunePolice: tip.avoidCommunePolice,
    captchaStatus: tip.captchaStatus,
    routingReason: tip.routingReason,
    ownerQueue: { code: tip.ownerQueueCode, name: context.owner_name ?? tip.ownerQueueCode },
    copyQueues: context.copies,
    assignee: tip.assignedUserId && context.assignee_name ? { id: tip.assignedUserId, username: context.assignee_name } : null,
    photos: context.photos.filter((photo) => photo.messageId === null).map(photoRef),
    messages: messages.map((message) => ({
      id: message.id,
      author: message.author,
      authorName: message.author === 'police' ? message.authorName : null,
      text: sealedText(secrets, message.keyId, message.textSealed),
      sentAt: message.sentAt,
      photos: context.photos.filter((photo) => photo.messageId === message.id).map(photoRef),
    })),
    notes: notes.map((note) => ({ id: note.id, authorName: note.authorName, text: sealedText(secrets, note.keyId, note.textSealed), at: note.createdAt })),
    tags: [...context.tags].sort((a, b) => a.localeCompare(b, 'vi')),
    links: context.links
      .map(
        (link) =>
          ({ tipId: link.other, kind: link.kind, direction: link.kind === 'related' ? 'related' : link.tipId === tip.id ? 'repeats' : 'repeatedBy' }) as const,
      )
      .sort((a, b) => a.tipId - b.tipId),
    history: context.history.map((entry) => ({ ...entry, at: new Date(entry.at) })),
    related: {
      since,
      samePlace: tip.placeFingerprint ? Number(context.same_place) : null,
      sameCommuneAndCategory: tip.communeCode ? Number(context.same_commune_category) : null,
    },
  };
}

interface TipPhotoRow extends TipPhotoRef {
  messageId: number | null;
}

interface TipContextRow {
  owner_name: string | null;
  commune_name: string | null;
  assignee_name: string | null;
  copies: { code: string; name: string }[];
  tags: string[];
  photos: TipPhotoRow[];
  /** Links whose other tip the caller may see; a link into a queue they do not work is left out. */
  links: { tipId: number; other: number; kind: 'duplicate' | 'related' }[];
  history: { at: string; actorName: string; action: string; detail: Record<string, unknown> }[];
  same_place: number | string;
  same_commune_category: number | string;
}

/**
 * Everything around the tip that is not sealed, in one named statement of scalar subqueries: planned once per
 * connection (planning the ten subqueries anew cost more than running them).
 */
const tipContextStatement = namedStatement<TipContextRow>(
  'tip_detail_context',
  `select
    (select name from queues where code = $2::text) as owner_name,
    (select name from communes where code = $3::text) as commune_name,
    (select username from users where id = $4::uuid) as assignee_name,
    (select coalesce(json_agg(json_build_object('code', q.code, 'name', q.name) order by q.code), '[]')
       from tip_copies c join queues q on q.code = c.queue_code where c.tip_id = $1::bigint) as copies,
    (select coalesce(json_agg(tag), '[]') from tip_tags where tip_id = $1::bigint) as tags,
    (select coalesce(json_agg(json_build_object('id', id, 'messageId', message_id, 'width', width, 'height', height) order by id), '[]')
       from tip_photos where tip_id = $1::bigint) as photos,
    (select coalesce(json_agg(json_build_object('tipId', l.tip_id, 'other', tips.id, 'kind', l.kind)), '[]')
       from tip_links l join tips on tips.id = case when l.tip_id = $1::bigint then l.linked_tip_id else l.tip_id end
       where (l.tip_id = $1::bigint or l.linked_tip_id = $1::bigint) and ${visibleTipsText('$8::boolean', '$9::text[]')}) as links,
    (select coalesce(json_agg(json_build_object('at', at, 'actorName', actor_name, 'action', action, 'detail', detail) order by at, id), '[]')
       from audit_log where target_type = 'tip' and target_id = $10::text and action <> 'tip.viewed') as history,
    (select count(*) from (select 1 from tips where tips.id <> $1::bigint and tips.created_at >= $5::timestamptz
       and ${visibleTipsText('$8::boolean', '$9::text[]')} and tips.place_fingerprint = $6::text limit ${RELATED_COUNT_CAP + 1}) x) as same_place,
    (select count(*) from (select 1 from tips where tips.id <> $1::bigint and tips.created_at >= $5::timestamptz
       and ${visibleTipsText('$8::boolean', '$9::text[]')} and tips.commune_code = $3::text and tips.category = $7::text
       limit ${RELATED_COUNT_CAP + 1}) x) as same_commune_category`,
);

function tipContext(db: Db, actor: Actor, tip: TipRow, since: Date): Promise<TipContextRow> {
  const params = [
    tip.id,
    tip.ownerQueueCode,
    tip.communeCode,
    tip.assignedUserId,
    since.toISOString(),
    tip.placeFingerprint,
    tip.category,
    ...visibleTipsParams(actor),
    String(tip.id),
  ];
  return tipContextStatement(db, params).then((rows) => rows[0]!);
}

/** A photo of a tip (or of one of its messages) for the caller, decrypted; null when either is out of scope. */
export async function tipPhoto(db: Db, secrets: Secrets, actor: Actor, tipId: number, photoId: number): Promise<{ bytes: Buffer; mediaType: string } | null> {
  if (!Number.isSafeInteger(photoId) || photoId <= 0) return null;
  if (!(await findTipInScope(db, actor, tipId))) return null;
  const [photo] = await db
    .select()
    .from(tipPhotos)
    .where(and(eq(tipPhotos.id, photoId), eq(tipPhotos.tipId, tipId)));
  if (!photo?.imageSealed) return null;
  return { bytes: open(secrets.tipKeys, { keyId: photo.keyId, data: photo.imageSealed }), mediaType: photo.mediaType };
}
