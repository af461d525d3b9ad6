import type { APIRoute } from 'astro';
import { requireRole } from '#src/admin/guard.ts';
import { parseTipId, TRIAGE_ROLES } from '#server/triage/access.ts';
import { tipPhoto } from '#server/triage/tip-detail.ts';

export const prerender = false;

/**
 * A tip's photo, decrypted for staff who may see the tip (same scope as the tip page: anything else is
 * 404). Never cached anywhere (the middleware also sets no-store on the whole staff area) and shown inline.
 */
export const GET: APIRoute = async (context) => {
  const actor = requireRole(context, TRIAGE_ROLES);
  if (actor instanceof Response) return actor;
  const tipId = parseTipId(context.params.id);
  const photoId = parseTipId(context.params.photoId);
  const photo = tipId && photoId ? await tipPhoto(context.locals.database.db, context.locals.secrets, actor, tipId, photoId) : null;
  if (!photo) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'Content-Type': photo.mediaType,
      'Content-Disposition': 'inline',
      'Content-Length': String(photo.bytes.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
