import type { Actor } from '#server/auth/actor.ts';
import type { Db } from '#server/db/client.ts';
import type { Secrets } from '#server/secrets.ts';
import { TipNotFound, TriageError, TriageForbidden } from '#server/triage/access.ts';
import { addNote, replyToTipster } from '#server/triage/conversation-actions.ts';
import { addTag, linkTip, removeTag } from '#server/triage/link-actions.ts';
import { assignTip, changeStatus, transferTip } from '#server/triage/workflow-actions.ts';
import { textField } from './forms.ts';

/**
 * One posted form of the tip page → one domain action. The page turns the outcome into a response:
 * 'done' → redirect (post/redirect/get) with a notice, 'invalid' → the page again with the error summary and
 * what was typed, 'not-found' → 404 (also for a tip outside the caller's scope), 'forbidden' → 403.
 */
export const TRIAGE_INTENTS = ['status', 'assign', 'transfer', 'note', 'reply', 'link', 'tag-add', 'tag-remove'] as const;
export type TriageIntent = (typeof TRIAGE_INTENTS)[number];

/** Fields whose typed value is shown again after an error. */
export const KEPT_FIELDS = ['status', 'assignee', 'transferQueue', 'transferReason', 'note', 'reply', 'linkTipId', 'linkKind', 'tag'] as const;
export type KeptValues = Partial<Record<(typeof KEPT_FIELDS)[number], string>>;

export type TriageOutcome =
  | { kind: 'done'; intent: TriageIntent }
  | { kind: 'invalid'; errors: Record<string, string>; values: KeptValues }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'bad-request' };

export async function runTriageForm(db: Db, secrets: Secrets, actor: Actor, tipId: number, form: FormData): Promise<TriageOutcome> {
  const intent = textField(form, 'intent') as TriageIntent;
  if (!TRIAGE_INTENTS.includes(intent)) return { kind: 'bad-request' };
  const field = (name: string) => textField(form, name);
  const values = Object.fromEntries(KEPT_FIELDS.map((name) => [name, field(name)])) as KeptValues;
  try {
    await perform(db, secrets, actor, tipId, intent, field);
    return { kind: 'done', intent };
  } catch (error) {
    if (error instanceof TipNotFound) return { kind: 'not-found' };
    if (error instanceof TriageForbidden) return { kind: 'forbidden', message: error.message };
    if (error instanceof TriageError) return { kind: 'invalid', errors: { [error.field]: error.message }, values };
    throw error;
  }
}

function perform(db: Db, secrets: Secrets, actor: Actor, tipId: number, intent: TriageIntent, field: (name: string) => string): Promise<void> {
  switch (intent) {
    case 'status':
      return changeStatus(db, actor, tipId, field('status'));
    case 'assign':
      return assignTip(db, actor, tipId, field('assignee') || null);
    case 'transfer':
      if (!field('transferQueue')) throw new TriageError('transferQueue', 'Chọn đơn vị nhận tin.');
      return transferTip(db, actor, tipId, field('transferQueue'), field('transferReason'));
    case 'note':
      return addNote(db, secrets, actor, tipId, field('note'));
    case 'reply':
      return replyToTipster(db, secrets, actor, tipId, field('reply'));
    case 'link':
      return linkTip(db, actor, tipId, field('linkTipId'), field('linkKind') === 'duplicate' ? 'duplicate' : 'related');
    case 'tag-add':
      return addTag(db, actor, tipId, field('tag'));
    case 'tag-remove':
      return removeTag(db, actor, tipId, field('tag'));
  }
}
