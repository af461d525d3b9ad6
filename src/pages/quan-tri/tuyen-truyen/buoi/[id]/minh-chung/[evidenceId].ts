import type { APIRoute } from 'astro';
import { requireRole } from '#src/admin/guard.ts';
import { OUTREACH_STAFF_ROLES } from '#src/admin/outreach-roles.ts';
import { forbiddenResponse } from '#src/admin/responses.ts';
import { OutreachRefusal } from '#server/outreach/errors.ts';
import { evidenceFileFor } from '#server/outreach/session-list.ts';

export const prerender = false;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/**
 * A session's evidence for the staff who may open the session (a reporter: their own unit's): photos shown
 * inline, documents downloaded, so an approver sees what a teacher sent before counting it. Never cached.
 */
export const GET: APIRoute = async (context) => {
  const actor = requireRole(context, OUTREACH_STAFF_ROLES);
  if (actor instanceof Response) return actor;
  const { id = '', evidenceId = '' } = context.params;
  let file;
  try {
    file = await evidenceFileFor(context.locals.database.db, actor, id, evidenceId);
  } catch (error) {
    if (error instanceof OutreachRefusal && error.status === 403) return forbiddenResponse();
    throw error;
  }
  if (!file) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const name = `minh-chung-${evidenceId.replace(/[^A-Za-z0-9-]/g, '')}.${EXTENSIONS[file.mediaType] ?? 'bin'}`;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': `${file.kind === 'photo' ? 'inline' : 'attachment'}; filename="${name}"`,
      'Content-Length': String(file.bytes.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
