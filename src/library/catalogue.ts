import { getCollection, type CollectionEntry } from 'astro:content';
import { AUDIENCES, TOPICS, type Audience, type Topic } from '#shared/content-schemas.ts';
import { vietnameseCollator } from '#shared/i18n/index.ts';
import { KITS_PATH, MATERIALS_PATH, SEARCH_PATH } from '#shared/paths/library.ts';

/*
 * The materials library as the pages see it: sorted entries and the Vietnamese URL segments of the
 * filter pages (/tai-lieu/doi-tuong/phu-huynh/, /tai-lieu/chu-de/bong-cuoi/), which are prerendered so
 * filtering works without JavaScript.
 */

export type Material = CollectionEntry<'materials'>;
export type KitEntry = CollectionEntry<'kits'>;

export const AUDIENCE_SEGMENTS: Record<Audience, string> = {
  citizens: 'nguoi-dan',
  'thcs-students': 'hoc-sinh-thcs',
  'thpt-students': 'hoc-sinh-thpt',
  parents: 'phu-huynh',
  teachers: 'giao-vien',
  'commune-officers': 'can-bo-xa',
};

export const TOPIC_SEGMENTS: Record<Topic, string> = {
  harms: 'tac-hai',
  'laughing-gas': 'bong-cuoi',
  'disguised-drugs': 'ma-tuy-tra-hinh',
  recruitment: 'thu-doan-du-do',
  parenting: 'cha-me-va-con',
  law: 'phap-luat',
  treatment: 'dieu-tri-cai-nghien',
  reporting: 'to-giac',
  movement: 'phong-trao',
  border: 'bien-gioi',
  loudspeaker: 'loa-truyen-thanh',
};

export { KITS_PATH, MATERIALS_PATH, SEARCH_PATH };

export const materialPath = (slug: string) => `${MATERIALS_PATH}${slug}/`;
export const audiencePath = (audience: Audience) => `${MATERIALS_PATH}doi-tuong/${AUDIENCE_SEGMENTS[audience]}/`;
export const topicPath = (topic: Topic) => `${MATERIALS_PATH}chu-de/${TOPIC_SEGMENTS[topic]}/`;
export const kitPath = (slug: string) => `${KITS_PATH}${slug}/`;
/** Downloads exist once, under the Vietnamese path, for every language. */
export const kitFilePath = (slug: string, fileName: string) => `${KITS_PATH}${slug}/${fileName}`;

/** Materials in title order, the Vietnamese way. */
export async function allMaterials(): Promise<Material[]> {
  return (await getCollection('materials')).sort((a, b) => vietnameseCollator.compare(a.data.title, b.data.title));
}

/** Kits from the youngest pupils to the adults, as a teacher scans the list. */
const KIT_ORDER = ['thcs-students', 'thpt-students', 'parents', 'commune-officers', 'teachers'];
export async function allKits(): Promise<KitEntry[]> {
  return (await getCollection('kits')).sort(
    (a, b) => KIT_ORDER.indexOf(a.data.audience) - KIT_ORDER.indexOf(b.data.audience) || (a.data.grades?.[0] ?? 0) - (b.data.grades?.[0] ?? 0),
  );
}

export interface FilterCount<Key> {
  key: Key;
  path: string;
  count: number;
}

/** Every audience and topic that at least one material has, with how many: the filter links. */
export function filterCounts(materials: Material[]): { audiences: FilterCount<Audience>[]; topics: FilterCount<Topic>[] } {
  const count = <Key extends string>(keys: readonly Key[], has: (material: Material, key: Key) => boolean, path: (key: Key) => string) =>
    keys.map((key) => ({ key, path: path(key), count: materials.filter((material) => has(material, key)).length })).filter(({ count }) => count > 0);
  return {
    audiences: count(AUDIENCES, (material, audience) => material.data.audiences.includes(audience), audiencePath),
    topics: count(TOPICS, (material, topic) => material.data.topics.includes(topic), topicPath),
  };
}
