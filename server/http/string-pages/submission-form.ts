import { OUTREACH_FORMS } from '#shared/outreach/enums.ts';
import { translator, type Lang } from '#shared/i18n/index.ts';
import { escapeHtml } from './html.ts';

/**
 * The public outreach report form as HTML, written once and used twice: prerendered into
 * /tien-do/bao-cao/ by Astro, and re-rendered by POST /api/outreach/submissions for a browser without
 * JavaScript, with the GOV.UK error summary and every field kept as typed (files cannot be kept).
 */
export interface Option {
  value: string;
  label: string;
}

export interface SubmissionFormState {
  lang: Lang;
  communes: readonly Option[];
  agencies: readonly Option[];
  kits: readonly Option[];
  values?: Partial<Record<SubmissionField, string>>;
  errors?: readonly { field: string | null; message: string }[];
}

export const SUBMISSION_FIELDS = [
  'heldOn',
  'communeCode',
  'includeCommune',
  'schools',
  'form',
  'agencyCode',
  'audience',
  'kitSlug',
  'notes',
  'reporterName',
  'reporterContact',
  'evidence',
  'captcha',
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

export const FORM_REGION_START = '<!--outreach-report-->';
export const FORM_REGION_END = '<!--/outreach-report-->';

export function renderSubmissionForm({ lang, communes, agencies, kits, values = {}, errors = [] }: SubmissionFormState): string {
  const t = translator(lang);
  const errorFor = (field: SubmissionField) => errors.filter((error) => error.field === field).map((error) => error.message);
  const value = (field: SubmissionField) => escapeHtml(values[field] ?? '');
  const describedBy = (field: SubmissionField, hint: boolean) =>
    [hint ? `${field}-hint` : '', errorFor(field).length ? `${field}-error` : ''].filter(Boolean).join(' ');
  const aria = (field: SubmissionField, hint = false) => {
    const ids = describedBy(field, hint);
    return `${ids ? ` aria-describedby="${ids}"` : ''}${errorFor(field).length ? ' aria-invalid="true"' : ''}`;
  };
  const message = (field: SubmissionField) =>
    errorFor(field).length
      ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">${lang === 'vi' ? 'Lỗi' : 'Error'}: </span>${errorFor(field).map(escapeHtml).join(' ')}</p>`
      : '';
  const group = (field: SubmissionField, inner: string) => `<div class="form-group${errorFor(field).length ? ' form-group-error' : ''}">${inner}</div>`;
  const label = (field: SubmissionField) =>
    `<label class="label" for="${field}">${escapeHtml(t(`outreach.field.${field}` as 'outreach.field.heldOn'))}</label>`;
  const hint = (field: SubmissionField, key: Parameters<typeof t>[0]) => `<p class="hint" id="${field}-hint">${escapeHtml(t(key))}</p>`;
  const options = (list: readonly Option[], selected: string, placeholder: string | null) =>
    (placeholder === null ? '' : `<option value="">${escapeHtml(placeholder)}</option>`) +
    list
      .map((option) => `<option value="${escapeHtml(option.value)}"${option.value === selected ? ' selected' : ''}>${escapeHtml(option.label)}</option>`)
      .join('');

  // The summary links each message to its field (first error of a field only), as GOV.UK's pattern does.
  const summary = errors.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1"><h2 id="error-summary-title">${escapeHtml(t('outreach.submit.errorSummary'))}</h2><ul>${errors
        .map((error) => {
          const target = error.field && (SUBMISSION_FIELDS as readonly string[]).includes(error.field) ? error.field : null;
          return `<li>${target ? `<a href="#${target === 'form' ? 'form-0' : target}">${escapeHtml(error.message)}</a>` : escapeHtml(error.message)}</li>`;
        })
        .join('')}</ul></div>`
    : '';
  const formChoice = values.form ?? '';
  const formRadios = OUTREACH_FORMS.map(
    (form, index) =>
      `<div class="radio"><input type="radio" id="form-${index}" name="form" value="${form}"${form === formChoice ? ' checked' : ''}${index === 0 ? aria('form') : ''}><label for="form-${index}">${escapeHtml(t(`outreach.form.${form}`))}</label></div>`,
  ).join('');

  return `${FORM_REGION_START}<h1>${escapeHtml(t('outreach.submit.title'))}</h1>
<p class="lead">${escapeHtml(t('outreach.submit.lead'))}</p>
${summary}
<form id="outreach-report-form" class="stack-form" method="post" action="/api/outreach/submissions" enctype="multipart/form-data" novalidate>
<input type="hidden" name="lang" value="${lang}">
${group('heldOn', `${label('heldOn')}${hint('heldOn', 'outreach.field.heldOn.hint')}${message('heldOn')}<input class="input input-short" id="heldOn" name="heldOn" type="text" inputmode="numeric" autocomplete="off" value="${value('heldOn')}"${aria('heldOn', true)}>`)}
${group('communeCode', `${label('communeCode')}${message('communeCode')}<select class="select" id="communeCode" name="communeCode"${aria('communeCode')}>${options(communes, values.communeCode ?? '', t('outreach.field.communeCode.choose'))}</select>`)}
${group('includeCommune', `${message('includeCommune')}<div class="checkbox"><input type="checkbox" id="includeCommune" name="includeCommune" value="1"${values.includeCommune ? ' checked' : ''}${aria('includeCommune')}><label for="includeCommune">${escapeHtml(t('outreach.field.includeCommune'))}</label></div>`)}
${group('schools', `${label('schools')}${hint('schools', 'outreach.field.schools.hint')}${message('schools')}<textarea class="textarea" id="schools" name="schools" rows="2" autocomplete="off"${aria('schools', true)}>${value('schools')}</textarea>`)}
${group('form', `<fieldset class="fieldset"><legend class="label">${escapeHtml(t('outreach.field.form'))}</legend>${message('form')}${formRadios}</fieldset>`)}
${group('agencyCode', `${label('agencyCode')}${message('agencyCode')}<select class="select" id="agencyCode" name="agencyCode"${aria('agencyCode')}>${options(agencies, values.agencyCode ?? '', t('outreach.field.agencyCode.choose'))}</select>`)}
${group('audience', `${label('audience')}${message('audience')}<input class="input input-short" id="audience" name="audience" type="text" inputmode="numeric" autocomplete="off" value="${value('audience')}"${aria('audience')}>`)}
${group('kitSlug', `${label('kitSlug')}${message('kitSlug')}<select class="select" id="kitSlug" name="kitSlug"${aria('kitSlug')}>${options(kits, values.kitSlug ?? '', t('outreach.field.kitSlug.none'))}</select>`)}
${group('notes', `${label('notes')}${message('notes')}<textarea class="textarea" id="notes" name="notes" rows="3"${aria('notes')}>${value('notes')}</textarea>`)}
${group('reporterName', `${label('reporterName')}${message('reporterName')}<input class="input" id="reporterName" name="reporterName" type="text" autocomplete="name" value="${value('reporterName')}"${aria('reporterName')}>`)}
${group('reporterContact', `${label('reporterContact')}${hint('reporterContact', 'outreach.field.reporterContact.hint')}${message('reporterContact')}<input class="input" id="reporterContact" name="reporterContact" type="text" autocomplete="tel" value="${value('reporterContact')}"${aria('reporterContact', true)}>`)}
${group('evidence', `${label('evidence')}${hint('evidence', 'outreach.field.evidence.hint')}${message('evidence')}<input class="file" id="evidence" name="evidence" type="file" multiple accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf,.docx"${aria('evidence', true)}>`)}
${group('captcha', `<p class="label" id="captcha" tabindex="-1">${escapeHtml(t('tip.field.captcha'))}</p><p class="hint">${escapeHtml(t('tip.field.captcha.hint'))}</p>${message('captcha')}<div data-captcha data-lang="${lang}"></div><noscript><p class="notice">${escapeHtml(t('tip.field.captcha.noscript'))}</p></noscript>`)}
<button class="button" type="submit">${escapeHtml(t('outreach.submit.button'))}</button>
</form>${FORM_REGION_END}`;
}

/** The thank-you panel that replaces the form once a report is stored. */
export function renderSubmissionReceipt(lang: Lang, reference: string): string {
  const t = translator(lang);
  const progress = lang === 'vi' ? '/tien-do/' : '/en/tien-do/';
  return `${FORM_REGION_START}<div class="panel-success"><h1>${escapeHtml(t('outreach.submit.doneTitle'))}</h1><p>${escapeHtml(t('outreach.submit.doneBody'))}</p><p>${escapeHtml(t('outreach.submit.doneReference'))}: <strong class="reference">${escapeHtml(reference)}</strong></p></div>
<p><a href="${progress}">${escapeHtml(t('outreach.submit.back'))}</a></p><p><a href="${progress}bao-cao/">${escapeHtml(t('outreach.submit.another'))}</a></p>${FORM_REGION_END}`;
}

/** Puts a rendered region into the prerendered page (or a bare page when there is no build), fixing the title. */
export function fillPageTemplate(template: string | null, region: string, title: string): string {
  if (!template || !template.includes(FORM_REGION_START)) {
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main id="main">${region}</main></body></html>`;
  }
  const start = template.indexOf(FORM_REGION_START);
  const end = template.indexOf(FORM_REGION_END) + FORM_REGION_END.length;
  return (template.slice(0, start) + region + template.slice(end)).replace(/<title>[^<]*·/, `<title>${escapeHtml(title)} ·`);
}
