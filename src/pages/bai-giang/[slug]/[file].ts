import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { kitFiles, kitZip, kitZipName, ZIP, type KitFile } from '#server/kits/kit-files.ts';
import type { Kit } from '#shared/content-schemas.ts';

/*
 * Every kit download, written into the build as a static file (/bai-giang/<slug>/<file>): the ZIP and each
 * file in it. Only the Vietnamese path: the English kit pages link here too.
 */

export const prerender = true;

/** Each document is built once, though it is served alone and inside the ZIP. */
const built = new Map<string, Promise<Uint8Array>>();
const buildOnce = (file: KitFile, kit: Kit) => {
  let bytes = built.get(file.fileName);
  if (!bytes) built.set(file.fileName, (bytes = file.build(kit)));
  return bytes;
};

export const getStaticPaths = (async () => {
  const kits = await getCollection('kits');
  return kits.flatMap(({ id: slug, data: kit }) => [
    { params: { slug, file: kitZipName(slug) }, props: { slug, kit, fileName: kitZipName(slug) } },
    ...kitFiles(slug).map(({ fileName }) => ({ params: { slug, file: fileName }, props: { slug, kit, fileName } })),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; kit: Kit; fileName: string }> = async ({ props: { slug, kit, fileName } }) => {
  if (fileName === kitZipName(slug)) {
    const zip = await kitZip(slug, kit, (file) => buildOnce(file, kit));
    return new Response(zip as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': ZIP } });
  }
  const file = kitFiles(slug).find((candidate) => candidate.fileName === fileName);
  if (!file) throw new Error(`No kit file ${fileName} for ${slug}`);
  return new Response((await buildOnce(file, kit)) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': file.mediaType } });
};
