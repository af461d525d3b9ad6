import { marksHistory, mentionFinder, sentences, HISTORY_MARKERS } from './mentions.ts';
import type { Citation, LegalDocument } from './registry-schema.ts';

/*
 * The rules that keep content on the law in force (issue 12): pure functions from the registry, a content
 * item's citations and its text to a list of problems, each one line that names the field and the
 * document. The build (src/content.config.ts, server/kits/load-kits.ts) fails when the list is not empty.
 */

/** A piece of text a reader sees, with where it sits in the file (`body`, `activities.2.steps.0`…). */
export interface TextField {
  path: string;
  text: string;
}

const label = (document: LegalDocument) => `${document.id} (${document.number})`;
const quote = (sentence: string) => `“${sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence}”`;

/** Problems of the registry as a whole: duplicate ids, `replacedBy` that points nowhere or at itself. */
export function registryProblems(registry: readonly LegalDocument[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const document of registry) {
    if (ids.has(document.id)) problems.push(`${document.id}: listed twice`);
    ids.add(document.id);
  }
  for (const document of registry) {
    if (!document.replacedBy) continue;
    if (document.replacedBy === document.id) problems.push(`${document.id}: replacedBy names the document itself`);
    else if (!ids.has(document.replacedBy)) problems.push(`${document.id}: replacedBy "${document.replacedBy}" is not in the registry`);
  }
  return problems;
}

/** How the status of a document that is no longer in force reads in a message. */
function noLongerInForce(document: LegalDocument, registry: ReadonlyMap<string, LegalDocument>): string {
  if (document.status === 'replaced') {
    const successor = registry.get(document.replacedBy ?? '');
    return `replaced by ${successor ? label(successor) : document.replacedBy}`;
  }
  return 'no longer in force';
}

export interface CitationCheck {
  /** The registry, already checked by registryProblems. */
  registry: readonly LegalDocument[];
  /** The item's `legal` list. */
  citations: readonly Citation[];
  /** Every text of the item a reader sees. */
  texts: readonly TextField[];
}

/**
 * Problems of one content item:
 * - a cited id that is not in the registry, or cited twice;
 * - a replaced or expired document cited without `historical: true`, or an in-force one cited with it;
 * - a registry document named in the text but not cited;
 * - a replaced or expired document named in a sentence that does not say it is history.
 */
export function citationProblems({ registry, citations, texts }: CitationCheck): string[] {
  const problems: string[] = [];
  const byId = new Map(registry.map((document) => [document.id, document]));
  const cited = new Map<string, Citation>();
  for (const [index, citation] of citations.entries()) {
    const document = byId.get(citation.id);
    if (cited.has(citation.id)) problems.push(`legal.${index}: ${citation.id} is cited twice`);
    cited.set(citation.id, citation);
    if (!document) {
      problems.push(`legal.${index}: "${citation.id}" is not in the legal registry (content/legal/documents.yaml)`);
    } else if (document.status !== 'in-force' && !citation.historical) {
      problems.push(`legal.${index}: ${label(document)} is ${noLongerInForce(document, byId)}: cite it with historical: true and mention it only as history`);
    } else if (document.status === 'in-force' && citation.historical) {
      problems.push(`legal.${index}: ${label(document)} is in force: remove historical: true`);
    }
  }

  const findMentions = mentionFinder(registry);
  const reported = new Set<string>();
  for (const { path, text } of texts) {
    for (const sentence of sentences(text)) {
      for (const document of findMentions(sentence)) {
        if (!cited.has(document.id) && !reported.has(`${path} ${document.id}`)) {
          reported.add(`${path} ${document.id}`);
          problems.push(`${path}: names ${label(document)} but legal does not cite it (add { id: ${document.id} })`);
        }
        if (document.status !== 'in-force' && !marksHistory(sentence)) {
          problems.push(
            `${path}: ${quote(sentence)} names ${label(document)}, which is ${noLongerInForce(document, byId)}, as if it were in force: ` +
              `say in that sentence that it is history (${HISTORY_MARKERS.map((marker) => `“${marker}”`).join(', ')})`,
          );
        }
      }
    }
  }
  return problems;
}
