import { getCollection, type CollectionEntry } from 'astro:content';
import { AUDIENCES, KIT_AUDIENCES, TOPICS, type Audience, type KitAudience, type Topic } from '#shared/content-schemas.ts';
import { vietnameseCollator } from '#shared/i18n/index.ts';
import { KITS_PATH, kitPagePath, LEGAL_REGISTRY_PATH, MATERIALS_PATH, SEARCH_PATH } from '#shared/paths/library.ts';

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
  'young-adults': 'sinh-vien-thanh-nien',
  'business-owners': 'co-so-kinh-doanh',
  workers: 'cong-nhan',
  'coastal-communities': 'ven-bien',
  'border-villages': 'ban-lang-bien-gioi',
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
  'e-cigarettes': 'thuoc-la-dien-tu',
  venues: 'karaoke-quan-bar-nha-nghi',
  coast: 'vung-ven-bien',
};

export { KITS_PATH, LEGAL_REGISTRY_PATH, MATERIALS_PATH, SEARCH_PATH };

export const materialPath = (slug: string) => `${MATERIALS_PATH}${slug}/`;
export const audiencePath = (audience: Audience) => `${MATERIALS_PATH}doi-tuong/${AUDIENCE_SEGMENTS[audience]}/`;
export const topicPath = (topic: Topic) => `${MATERIALS_PATH}chu-de/${TOPIC_SEGMENTS[topic]}/`;
export const kitPath = kitPagePath;
/** Kits for one audience: /bai-giang/doi-tuong/<segment>/, the same segments as the materials. */
export const kitAudiencePath = (audience: KitAudience) => `${KITS_PATH}doi-tuong/${AUDIENCE_SEGMENTS[audience]}/`;
/**
 * The portal's public origin as the build was configured (astro.config.mjs sets `site` from
 * PUBLIC_ORIGIN through server/config.ts): printed kits and share links carry absolute addresses.
 */
export const publicOrigin = (site: URL | undefined): string => {
  if (!site) throw new Error('astro.config.mjs must set `site` (the public origin)');
  return site.origin;
};

/** Downloads exist once, under the Vietnamese path, for every language. */
export const kitFilePath = (slug: string, fileName: string) => `${KITS_PATH}${slug}/${fileName}`;

/** Materials in title order, the Vietnamese way. */
export async function allMaterials(): Promise<Material[]> {
  return (await getCollection('materials')).sort((a, b) => vietnameseCollator.compare(a.data.title, b.data.title));
}

/**
 * Kits from the youngest pupils to the adults, as a teacher scans the list (the order of KIT_AUDIENCES);
 * within an audience by grade, and a follow-up lesson right after the lesson it follows.
 */
export async function allKits(): Promise<KitEntry[]> {
  const kits = await getCollection('kits');
  const rank = (kit: KitEntry): [number, number, string] => {
    const first = kit.data.follows ? (kits.find(({ id }) => id === kit.data.follows) ?? kit) : kit;
    return [KIT_AUDIENCES.indexOf(kit.data.audience), first.data.grades?.[0] ?? 0, `${first.id} ${kit.data.follows ? 1 : 0}`];
  };
  return kits.sort((a, b) => {
    const [audienceA, gradeA, seriesA] = rank(a);
    const [audienceB, gradeB, seriesB] = rank(b);
    return audienceA - audienceB || gradeA - gradeB || seriesA.localeCompare(seriesB);
  });
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
