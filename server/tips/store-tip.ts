import { auditRow, type AuditEntry } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { namedStatement } from '../db/statement.ts';
import type { tips } from '../db/schema.ts';

/** A tip row as stored: content already sealed, routing decided. */
export type TipRow = Required<
  Pick<
    typeof tips.$inferInsert,
    | 'receiptHash'
    | 'category'
    | 'communeCode'
    | 'observedOn'
    | 'keyId'
    | 'descriptionSealed'
    | 'placeSealed'
    | 'placeFingerprint'
    | 'avoidCommunePolice'
    | 'captchaStatus'
    | 'ownerQueueCode'
    | 'routingReason'
    | 'photoCount'
  >
>;

/**
 * The tip, its information copies and its audit entry in ONE statement (data-modifying CTEs). A single
 * statement is atomic by itself, so a text tip needs no BEGIN/COMMIT: one round trip instead of five, and
 * nothing is half-written if any part fails. Column names follow server/db/schema.ts (tests cover both).
 */
const insertTipStatement = namedStatement<{ id: string | number }>(
  'tip_insert_with_copies_and_audit',
  `with new_tip as (
    insert into tips (receipt_hash, category, commune_code, observed_on, key_id, description_sealed, place_sealed,
                      place_fingerprint, avoid_commune_police, captcha_status, owner_queue_code, routing_reason, photo_count)
    values ($1::text, $2::text, $3::text, $4::text::date, $5::text, $6::bytea, $7::bytea,
            $8::text, $9::boolean, $10::text, $11::text, $12::text, $13::integer)
    returning id
  ), copies as (
    insert into tip_copies (tip_id, queue_code)
    select new_tip.id, copy.queue_code from new_tip, unnest($14::text[]) as copy(queue_code)
  ), audit as (
    insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, detail)
    select $15::timestamptz, $16::text, $17::text, $18::text, $19::text, new_tip.id::text, $20::text::jsonb from new_tip
  )
  select id from new_tip`,
);

/** Stores the tip with its copies and its audit entry (whose target is the new tip); answers the tip's id. */
export async function insertTip(
  db: Db,
  row: TipRow,
  copyQueueCodes: string[],
  audit: Omit<AuditEntry, 'targetType' | 'targetId'>,
  at = new Date(),
): Promise<number> {
  const entry = auditRow({ ...audit, targetType: 'tip' }, at);
  const [inserted] = await insertTipStatement(db, [
    row.receiptHash,
    row.category,
    row.communeCode,
    row.observedOn,
    row.keyId,
    row.descriptionSealed,
    row.placeSealed,
    row.placeFingerprint,
    row.avoidCommunePolice,
    row.captchaStatus,
    row.ownerQueueCode,
    row.routingReason,
    row.photoCount,
    copyQueueCodes,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.targetType,
    JSON.stringify(entry.detail),
  ]);
  return Number(inserted!.id);
}
