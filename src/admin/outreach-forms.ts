import type { FieldError } from '#server/outreach/errors.ts';
import { formatVietnameseDate, isoFromVietnameseDate } from '#shared/time/vietnam-time.ts';
import { textField } from './forms.ts';

/**
 * The staff session form as posted, and the domain's refusals as the error summary wants them. Pure: the
 * pages call the domain functions, which validate and answer in Vietnamese.
 */
export const SESSION_FORM_FIELDS = ['heldOn', 'communeCode', 'schools', 'form', 'agencyCode', 'audience', 'kitSlug', 'notes', 'evidence', 'reason'] as const;
export type SessionFormField = (typeof SESSION_FORM_FIELDS)[number];
/** `extraCommunes`: commune codes beyond the one the form shows (sessions recorded through the API), kept as they are. */
export type SessionFormValues = Record<Exclude<SessionFormField, 'evidence'> | 'extraCommunes', string>;

export function sessionValuesFromForm(form: FormData): SessionFormValues {
  return {
    heldOn: textField(form, 'heldOn'),
    communeCode: textField(form, 'communeCode'),
    schools: textField(form, 'schools'),
    form: textField(form, 'form'),
    agencyCode: textField(form, 'agencyCode'),
    audience: textField(form, 'audience'),
    kitSlug: textField(form, 'kitSlug'),
    notes: textField(form, 'notes'),
    reason: textField(form, 'reason'),
    extraCommunes: textField(form, 'extraCommunes'),
  };
}

export const schoolCodesOf = (text: string) => [...new Set(text.split(/[\s,;]+/u).filter(Boolean))];

/** What recordSession/updateSession take: the date as ISO, the commune and schools as units. */
export function sessionInputFromValues(values: SessionFormValues) {
  const units = [
    ...[...new Set([values.communeCode, ...values.extraCommunes.split(',')].map((code) => code.trim()).filter(Boolean))].map((code) => ({
      kind: 'commune' as const,
      code,
    })),
    ...schoolCodesOf(values.schools).map((code) => ({ kind: 'school' as const, code })),
  ];
  return {
    heldOn: isoFromVietnameseDate(values.heldOn),
    units,
    form: values.form,
    agencyCode: values.agencyCode,
    audience: values.audience,
    kitSlug: values.kitSlug,
    notes: values.notes,
  };
}

/**
 * Field → first message, in the order of `fields`, for ErrorSummary and the fields; a message tied to no
 * field (or to one the form does not show) goes under `general`, linked to the top of the form.
 */
export function errorsByField<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
  aliases: Record<string, F> = {},
): Partial<Record<F | 'general', string>> {
  const result: Partial<Record<F | 'general', string>> = {};
  for (const error of errors) {
    const field = error.field ? (aliases[error.field] ?? error.field) : null;
    const key = field && (fields as readonly string[]).includes(field) ? (field as F) : 'general';
    result[key] = result[key] ? `${result[key]} ${error.message}` : error.message;
  }
  const ordered: Partial<Record<F | 'general', string>> = {};
  for (const key of ['general', ...fields] as (F | 'general')[]) if (result[key]) ordered[key] = result[key];
  return ordered;
}

/** A stored session as the form shows it. */
export function sessionFormValues(session: {
  heldOn: string;
  form: string;
  agencyCode: string;
  audience: number;
  kitSlug: string | null;
  notes: string;
  units: readonly { kind: 'commune' | 'school'; unitCode: string }[];
}): SessionFormValues {
  const communes = session.units.filter((unit) => unit.kind === 'commune').map((unit) => unit.unitCode);
  return {
    heldOn: formatVietnameseDate(session.heldOn),
    communeCode: communes[0] ?? '',
    extraCommunes: communes.slice(1).join(','),
    schools: session.units
      .filter((unit) => unit.kind === 'school')
      .map((unit) => unit.unitCode)
      .join('\n'),
    form: session.form,
    agencyCode: session.agencyCode,
    audience: String(session.audience),
    kitSlug: session.kitSlug ?? '',
    notes: session.notes,
    reason: '',
  };
}

/** An empty form; a reporter's own unit is filled in. */
export function emptySessionValues(unitCode: string | null): SessionFormValues {
  const ownCommune = unitCode && /^\d{5}$/.test(unitCode) ? unitCode : '';
  const ownSchool = unitCode && !ownCommune ? unitCode : '';
  return {
    heldOn: '',
    communeCode: ownCommune,
    extraCommunes: '',
    schools: ownSchool,
    form: '',
    agencyCode: '',
    audience: '',
    kitSlug: '',
    notes: '',
    reason: '',
  };
}

/** The files of a posted form's evidence field that hold something. */
export const postedFiles = (form: FormData, name: string) => form.getAll(name).filter((value): value is File => value instanceof File && value.size > 0);
