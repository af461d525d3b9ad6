import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit without its first step, which reads `c.req.raw.body` and so makes @hono/node-server
 * build a whole fetch Request around the socket (a tenth of a text tip's CPU). When Content-Length gives the
 * size — browsers and fetch() always send it with a form — the header decides; a chunked body is still
 * counted as it streams, by Hono's middleware.
 */
export function limitBody(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const streaming = bodyLimit(options);
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return streaming(c, next);
    if (Number.parseInt(length, 10) > options.maxSize) return options.onError(c);
    await next();
  };
}

/**
 * The fields and files of a form post, multipart or urlencoded; null when the body is not a well-formed
 * form, or when `maxBytes` is given and Content-Length does not promise a body that small. The body is read
 * through @hono/node-server's direct path, then parsed by Node's own (undici) form parser.
 */
export async function readForm(c: Context, maxBytes = Infinity): Promise<FormData | null> {
  const type = c.req.header('Content-Type') ?? '';
  if (maxBytes !== Infinity && !(Number.parseInt(c.req.header('Content-Length') ?? '', 10) <= maxBytes)) return null;
  try {
    const body = await c.req.arrayBuffer();
    return await new Response(body, { headers: { 'Content-Type': type } }).formData();
  } catch {
    // A malformed body, or the client went away while sending it: either way there is no form to read.
    return null;
  }
}
