import { getCollection } from 'astro:content';
import type { LegalDocument } from '#shared/legal/registry-schema.ts';

/*
 * The legal registry as the pages see it (content/legal/documents.yaml, checked at load): the list in
 * file order, and by id for status lines ("Đã được thay thế bởi …").
 */

export async function legalDocuments(): Promise<LegalDocument[]> {
  return (await getCollection('legal')).map((entry) => entry.data);
}

export async function legalRegistry(): Promise<Map<string, LegalDocument>> {
  return new Map((await legalDocuments()).map((document) => [document.id, document]));
}
