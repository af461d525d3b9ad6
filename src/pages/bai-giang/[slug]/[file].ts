import type { APIRoute, GetStaticPaths } from 'astro';
import { builtKit, kitFiles, kitZipName } from '#server/kits/kit-files.ts';
import type { Kit } from '#shared/content-schemas.ts';
import { allKits, publicOrigin } from '#src/library/catalogue.ts';
import { legalDocuments } from '#src/library/legal.ts';

/*
 * Every kit download, written into the build as a static file (/bai-giang/<slug>/<file>): the ZIP and each
 * file in it. Only the Vietnamese path: the English kit pages link here too. The files print the portal's
 * absolute address (the configured public origin) and QR codes.
 */

export const prerender = true;

export const getStaticPaths = (async () => {
  const kits = await allKits();
  return kits.flatMap(({ id: slug, data: kit }) =>
    [kitZipName(slug), ...kitFiles(slug, kit).map(({ fileName }) => fileName)].map((fileName) => ({
      params: { slug, file: fileName },
      props: { slug, kit, fileName },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; kit: Kit; fileName: string }> = async ({ props: { slug, kit, fileName }, site }) => {
  const { files, zip } = await builtKit({ slug, kit, origin: publicOrigin(site), registry: await legalDocuments() });
  const file = [zip, ...files].find((candidate) => candidate.fileName === fileName);
  if (!file) throw new Error(`No kit file ${fileName} for ${slug}`);
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': file.mediaType } });
};
