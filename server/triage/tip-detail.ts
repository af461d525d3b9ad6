import { and, asc, count, eq, gte, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import { open, openText } from '../crypto/keyring.ts';
import type { Db } from '../db/client.ts';
import { auditLog, communes, queues, tipCopies, tipLinks, tipMessages, tipNotes, tipPhotos, tips, tipTags, users } from '../db/schema.ts';
import type { Secrets } from '../secrets.ts';
import { findTipInScope, isSupervising, visibleTipsCondition, type TipAccess } from './access.ts';

/**
 * One tip as an officer reads it, decrypted, with everything around it. Reading it is itself recorded
 * ('tip.viewed'). Counts of other tips about the same place, or the same commune and category, cover the
 * last 90 days and only tips the caller may see: the number then matches the list its link opens, and it
 * tells nothing about other units' queues. Those counts relate tips by place, never by who sent them.
 */

export const RELATED_DAYS = 90;

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
  const idText = String(tip.id);
  const since = new Date(now.getTime() - RELATED_DAYS * 86_400_000);
  const visible = visibleTipsCondition(actor);
  const countOthers = async (condition: SQL | undefined) =>
    Number((await db.select({ value: count() }).from(tips).where(and(ne(tips.id, tip.id), gte(tips.createdAt, since), visible, condition)))[0]!.value);

  const [ownerRows, copyQueues, commune, assignee, photos, messages, notes, tags, links, history, samePlace, sameCommuneAndCategory] = await Promise.all([
    db.select({ name: queues.name }).from(queues).where(eq(queues.code, tip.ownerQueueCode)),
    db.select({ code: queues.code, name: queues.name }).from(tipCopies).innerJoin(queues, eq(queues.code, tipCopies.queueCode)).where(eq(tipCopies.tipId, tip.id)),
    tip.communeCode ? db.select({ name: communes.name }).from(communes).where(eq(communes.code, tip.communeCode)) : Promise.resolve([]),
    tip.assignedUserId ? db.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, tip.assignedUserId)) : Promise.resolve([]),
    db.select({ id: tipPhotos.id, messageId: tipPhotos.messageId, width: tipPhotos.width, height: tipPhotos.height }).from(tipPhotos).where(eq(tipPhotos.tipId, tip.id)).orderBy(asc(tipPhotos.id)),
    db
      .select({ id: tipMessages.id, author: tipMessages.author, authorName: users.username, keyId: tipMessages.keyId, textSealed: tipMessages.textSealed, sentAt: tipMessages.createdAt })
      .from(tipMessages)
      .leftJoin(users, eq(users.id, tipMessages.authorUserId))
      .where(eq(tipMessages.tipId, tip.id))
      .orderBy(asc(tipMessages.createdAt), asc(tipMessages.id)),
    db.select().from(tipNotes).where(eq(tipNotes.tipId, tip.id)).orderBy(asc(tipNotes.createdAt), asc(tipNotes.id)),
    db.select({ tag: tipTags.tag }).from(tipTags).where(eq(tipTags.tipId, tip.id)),
    db
      .select({ tipId: tipLinks.tipId, linkedTipId: tipLinks.linkedTipId, kind: tipLinks.kind })
      .from(tipLinks)
      .where(or(eq(tipLinks.tipId, tip.id), eq(tipLinks.linkedTipId, tip.id))),
    db
      .select({ at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'tip'), eq(auditLog.targetId, idText), ne(auditLog.action, 'tip.viewed')))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    tip.placeFingerprint ? countOthers(eq(tips.placeFingerprint, tip.placeFingerprint)) : Promise.resolve(null),
    tip.communeCode ? countOthers(and(eq(tips.communeCode, tip.communeCode), eq(tips.category, tip.category))) : Promise.resolve(null),
  ]);

  const visibleLinks = await linksTheCallerSees(db, actor, tip.id, links);
  await recordAudit(db, { actor, action: 'tip.viewed', targetType: 'tip', targetId: idText }, now);
  const photoRef = ({ id, width, height }: TipPhotoRef) => ({ id, width, height });
  return {
    id: tip.id,
    access: scope.access,
    supervising: isSupervising(actor),
    purged: tip.purgedAt !== null,
    status: tip.status,
    category: tip.category,
    communeCode: tip.communeCode,
    communeName: commune[0]?.name ?? null,
    observedOn: tip.observedOn,
    createdAt: tip.createdAt,
    updatedAt: tip.updatedAt,
    description: sealedText(secrets, tip.keyId, tip.descriptionSealed),
    place: sealedText(secrets, tip.keyId, tip.placeSealed),
    avoidCommunePolice: tip.avoidCommunePolice,
    captchaStatus: tip.captchaStatus,
    routingReason: tip.routingReason,
    ownerQueue: { code: tip.ownerQueueCode, name: ownerRows[0]?.name ?? tip.ownerQueueCode },
    copyQueues,
    assignee: assignee[0] ?? null,
    photos: photos.filter((photo) => photo.messageId === null).map(photoRef),
    messages: messages.map((message) => ({
      id: message.id,
      author: message.author,
      authorName: message.author === 'police' ? message.authorName : null,
      text: sealedText(secrets, message.keyId, message.textSealed),
      sentAt: message.sentAt,
      photos: photos.filter((photo) => photo.messageId === message.id).map(photoRef),
    })),
    notes: notes.map((note) => ({ id: note.id, authorName: note.authorName, text: sealedText(secrets, note.keyId, note.textSealed), at: note.createdAt })),
    tags: tags.map((row) => row.tag).sort((a, b) => a.localeCompare(b, 'vi')),
    links: visibleLinks,
    history,
    related: { since, samePlace, sameCommuneAndCategory },
  };
}

/** Links whose other tip the caller may see; a link into a queue they do not work is left out. */
async function linksTheCallerSees(db: Db, actor: Actor, tipId: number, links: { tipId: number; linkedTipId: number; kind: 'duplicate' | 'related' }[]): Promise<TipDetail['links']> {
  if (links.length === 0) return [];
  const others = links.map((link) => (link.tipId === tipId ? link.linkedTipId : link.tipId));
  const seen = await db.select({ id: tips.id }).from(tips).where(and(inArray(tips.id, others), visibleTipsCondition(actor)));
  const seenIds = new Set(seen.map((row) => row.id));
  return links
    .map((link) => {
      const other = link.tipId === tipId ? link.linkedTipId : link.tipId;
      const direction = link.kind === 'related' ? 'related' : link.tipId === tipId ? 'repeats' : 'repeatedBy';
      return { tipId: other, kind: link.kind, direction } as const;
    })
    .filter((link) => seenIds.has(link.tipId))
    .sort((a, b) => a.tipId - b.tipId);
}

/** A photo of a tip (or of one of its messages) for the caller, decrypted; null when either is out of scope. */
export async function tipPhoto(db: Db, secrets: Secrets, actor: Actor, tipId: number, photoId: number): Promise<{ bytes: Buffer; mediaType: string } | null> {
  if (!Number.isSafeInteger(photoId) || photoId <= 0) return null;
  if (!(await findTipInScope(db, actor, tipId))) return null;
  const [photo] = await db.select().from(tipPhotos).where(and(eq(tipPhotos.id, photoId), eq(tipPhotos.tipId, tipId)));
  if (!photo?.imageSealed) return null;
  return { bytes: open(secrets.tipKeys, { keyId: photo.keyId, data: photo.imageSealed }), mediaType: photo.mediaType };
}
