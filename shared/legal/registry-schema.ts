import { z } from 'zod';

/*
 * The legal registry (content/legal/documents.yaml): every law, decree, resolution, decision or plan the
 * content cites, with its status. Materials and kits cite documents by id; the build checks the citations
 * against this list (citation-rules.ts), so a replaced law cannot be taught as the law in force.
 */

/** Kinds of document, as the id's first part: `luat-120-2025-qh15` is a `luat`. */
export const DOCUMENT_TYPES = ['luat', 'bo-luat', 'nghi-quyet', 'nghi-dinh', 'quyet-dinh', 'ket-luan', 'ke-hoach', 'cong-van', 'thong-tu', 'chi-thi'] as const;
/** Whether a document applies today. */
export const DOCUMENT_STATUSES = ['in-force', 'replaced', 'expired'] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Lowercase ASCII words joined by hyphens, starting with the document type. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = () => z.string().trim().min(1, 'must not be empty');
/** YAML turns `2025-12-10` into a Date; a quoted string is accepted too. */
const day = () => z.coerce.date({ error: 'a date such as 2025-12-10' });
/** `null` in YAML means "not known" or "not applicable", as leaving the field out does. */
const absent = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

/** One document of the registry. */
export const legalDocumentSchema = z
  .strictObject({
    /** Stable id that content cites: `<type>-<number parts joined by ->`, e.g. `luat-120-2025-qh15`. */
    id: text().regex(DOCUMENT_ID_PATTERN, 'lowercase ASCII words joined by hyphens, e.g. luat-120-2025-qh15'),
    /** Kind of document; its Vietnamese name ("Luật", "Nghị định"…) comes from the dictionaries. */
    type: z.enum(DOCUMENT_TYPES),
    /** The number exactly as written on the document, e.g. "120/2025/QH15" or "695/KH-UBND". */
    number: text(),
    /** Its title, e.g. "Luật Phòng, chống ma túy". */
    title: text(),
    /** Who issued it, e.g. "Quốc hội", "Chính phủ", "UBND tỉnh Nghệ An". */
    issuer: text(),
    /** The day it was signed or passed; left out when it could not be verified. */
    passed: absent(day()),
    /** The day it took effect; left out when unknown. */
    inForce: absent(day()),
    /** Whether it applies today. */
    status: z.enum(DOCUMENT_STATUSES),
    /** The id of the document that replaced it (only when status is `replaced`). */
    replacedBy: absent(text()),
    /** Its last day in force (only when replaced or expired; left out when unknown). */
    endedOn: absent(day()),
    /** An official page with the text (vbpl.vn, chinhphu.vn, quochoi.vn…); left out when none is known. */
    url: absent(z.url({ protocol: /^https?$/, error: 'an http(s) address' })),
    /** One optional sentence, e.g. "sửa đổi Bộ luật Hình sự, thêm Điều 256a". */
    note: absent(text()),
  })
  .superRefine((document, context) => {
    if (!document.id.startsWith(`${document.type}-`)) {
      context.addIssue({ code: 'custom', path: ['id'], message: `an id of a ${document.type} starts with "${document.type}-"` });
    }
    if (document.status === 'replaced' && !document.replacedBy) {
      context.addIssue({ code: 'custom', path: ['replacedBy'], message: 'a replaced document names the id that replaced it' });
    }
    if (document.status !== 'replaced' && document.replacedBy) {
      context.addIssue({ code: 'custom', path: ['replacedBy'], message: `only a replaced document has replacedBy (this one is ${document.status})` });
    }
    if (document.status === 'in-force' && document.endedOn) {
      context.addIssue({ code: 'custom', path: ['endedOn'], message: 'a document in force has no last day' });
    }
  });

/** The whole registry file: a list of documents. */
export const legalRegistrySchema = z.array(legalDocumentSchema).min(1, 'at least one document');

/** How a material or kit cites a registry document. */
export const citationSchema = z.strictObject({
  /** The registry id. */
  id: text(),
  /** True when the text mentions the document only as history (required for a replaced or expired one). */
  historical: z.boolean().optional(),
});

export type LegalDocument = z.infer<typeof legalDocumentSchema>;
export type Citation = z.infer<typeof citationSchema>;
