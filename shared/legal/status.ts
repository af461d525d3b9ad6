import { formatDate, type translator } from '../i18n/index.ts';
import type { LegalDocument } from './registry-schema.ts';

/*
 * A registry document as readers see it, on pages and in printed kits: its name ("Luật 120/2025/QH15") and
 * its status in words ("Đang có hiệu lực (từ 01/07/2026)", "Đã được thay thế bởi Luật 120/2025/QH15, hết
 * hiệu lực từ 01/07/2026"). Documents keep their Vietnamese names in every language.
 */

type Translate = ReturnType<typeof translator>;

/** "Luật 120/2025/QH15", "Nghị định 28/2026/NĐ-CP". */
export function documentName(document: LegalDocument, t: Translate): string {
  return `${t(`legal.type.${document.type}`)} ${document.number}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** The first day a document no longer applied: the day after its last day in force. */
export function endedFrom(document: LegalDocument): Date | undefined {
  return document.endedOn ? new Date(document.endedOn.getTime() + DAY) : undefined;
}

/** The status in words; `registry` names the document that replaced this one. */
export function statusText(document: LegalDocument, registry: ReadonlyMap<string, LegalDocument>, t: Translate): string {
  const ended = endedFrom(document);
  switch (document.status) {
    case 'in-force':
      return document.inForce ? t('legal.status.in-force-since', { date: formatDate(document.inForce) }) : t('legal.status.in-force');
    case 'replaced': {
      const successor = registry.get(document.replacedBy ?? '');
      const name = successor ? documentName(successor, t) : (document.replacedBy ?? '');
      return ended ? t('legal.status.replaced-since', { document: name, date: formatDate(ended) }) : t('legal.status.replaced', { document: name });
    }
    case 'expired':
      return ended ? t('legal.status.expired-since', { date: formatDate(ended) }) : t('legal.status.expired');
  }
}

/** The cited documents of an item, in the order cited, each with its registry entry. */
export interface CitedDocument {
  document: LegalDocument;
  historical: boolean;
}

export function citedDocuments(
  citations: readonly { id: string; historical?: boolean | undefined }[],
  registry: ReadonlyMap<string, LegalDocument>,
): CitedDocument[] {
  return citations.map(({ id, historical }) => {
    const document = registry.get(id);
    // The build has already refused unknown ids; this guards callers that skipped the checks.
    if (!document) throw new Error(`${id} is not in the legal registry`);
    return { document, historical: Boolean(historical) };
  });
}
