import type { TipPublicView } from './follow-up.ts';
import type { FieldError } from './tip-request.ts';

/** What the tip form page shows after a browser (no JavaScript) posted it. */
export type TipPageOutcome =
  | { kind: 'received'; lang: string; receipt: string; removedMetadata: string[]; photoCount: number }
  | { kind: 'errors'; lang: string; errors: FieldError[]; values: Record<string, string> };

/** What the follow-up page shows after a browser posted a receipt or a message. */
export type FollowUpPageOutcome =
  | { kind: 'view'; lang: string; receipt: string; view: TipPublicView; messageSent: boolean; errors: FieldError[]; draft: string }
  | { kind: 'errors'; lang: string; errors: FieldError[]; receipt: string };

/** Text fields of a form, to put back into the form: a tipster never retypes what they wrote. */
export function textValues(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'captcha'));
}
