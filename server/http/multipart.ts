/**
 * multipart/form-data from a buffered body, after the WHATWG multipart/form-data parser
 * (https://andreubotella.github.io/multipart-form-data/), as browsers and fetch() send it. Node's own parser
 * (Request.formData) needs a full fetch Request around the body first; on a text tip the two cost more
 * than the rest of the request together. Anything malformed throws MultipartError: the caller answers 400.
 */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

export type FormEntry = [name: string, value: string | File];

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The boundary of a `multipart/form-data` Content-Type, or null when the type is another one. */
export function multipartBoundary(contentType: string): string | null {
  const [essence, ...parameters] = contentType.split(';');
  if (essence!.trim().toLowerCase() !== 'multipart/form-data') return null;
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (parameter.slice(0, equals).trim().toLowerCase() !== 'boundary') continue;
    const value = parameter.slice(equals + 1).trim();
    const boundary = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
    if (boundary.length === 0 || boundary.length > 200) throw new MultipartError('bad boundary');
    return boundary;
  }
  throw new MultipartError('no boundary');
}

export function parseMultipart(input: Buffer, boundary: string): FormEntry[] {
  const delimiter = Buffer.from(`--${boundary}`, 'utf8');
  const bodyEnd = Buffer.from(`\r\n--${boundary}`, 'utf8');
  const entries: FormEntry[] = [];
  // A preamble before the first delimiter is allowed (RFC 2046) and ignored.
  let position = input.indexOf(delimiter);
  if (position === -1) throw new MultipartError('no boundary in the body');
  for (;;) {
    position += delimiter.length;
    // "--" after a delimiter closes the body; an epilogue is ignored.
    if (input[position] === DASH && input[position + 1] === DASH) return entries;
    position = expectNewline(input, position);
    const headers = parseHeaders(input, position);
    position = headers.end;
    const end = input.indexOf(bodyEnd, position);
    if (end === -1) throw new MultipartError('a part does not end');
    const body = input.subarray(position, end);
    entries.push([
      headers.name,
      headers.filename === null ? body.toString('utf8') : new File([body as Uint8Array<ArrayBuffer>], headers.filename, { type: asciiOrEmpty(headers.contentType ?? 'text/plain') }),
    ]);
    position = end + 2;
  }
}

function expectNewline(input: Buffer, position: number): number {
  if (input[position] !== CR || input[position + 1] !== LF) throw new MultipartError('expected CRLF');
  return position + 2;
}

/** A part's headers up to and past the empty line; only Content-Disposition and Content-Type matter. */
function parseHeaders(input: Buffer, start: number): { name: string; filename: string | null; contentType: string | null; end: number } {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  let position = start;
  while (!(input[position] === CR && input[position + 1] === LF)) {
    const lineEnd = input.indexOf('\r\n', position);
    if (lineEnd === -1) throw new MultipartError('headers do not end');
    const line = input.toString('utf8', position, lineEnd);
    const colon = line.indexOf(':');
    const headerName = line.slice(0, colon).trim().toLowerCase();
    if (colon === -1 || !TOKEN.test(headerName)) throw new MultipartError('bad header');
    const value = line.slice(colon + 1).trim();
    if (headerName === 'content-disposition') ({ name, filename } = parseDisposition(value));
    else if (headerName === 'content-type') contentType = value;
    position = lineEnd + 2;
  }
  if (name === null) throw new MultipartError('a part has no name');
  return { name, filename, contentType, end: position + 2 };
}

/** `form-data; name="…"; filename="…"` (browsers write `"`, CR and LF in names as %22, %0D, %0A). */
function parseDisposition(value: string): { name: string | null; filename: string | null } {
  const match = /^form-data\s*(;.*)?$/i.exec(value);
  if (!match) throw new MultipartError('not form-data');
  let name: string | null = null;
  let filename: string | null = null;
  let extendedFilename: string | null = null;
  const attributes = /;\s*([!#$%&'+\-.^_`|~0-9A-Za-z]+)(\*?)\s*=\s*(?:"([^"\r\n]*)"|([^;\s]*))/gy;
  const rest = match[1] ?? '';
  let found: RegExpExecArray | null;
  let consumed = 0;
  while ((found = attributes.exec(rest))) {
    consumed = attributes.lastIndex;
    const [, attribute, extended, quoted, token] = found;
    const text = quoted !== undefined ? unescapeQuoted(quoted) : token!;
    const key = attribute!.toLowerCase();
    if (extended) {
      if (key === 'filename') extendedFilename = decodeExtended(text);
    } else if (key === 'name') name = text;
    else if (key === 'filename') filename = text;
  }
  if (rest.slice(consumed).trim() !== '') throw new MultipartError('bad content-disposition');
  return { name, filename: extendedFilename ?? filename };
}

const unescapeQuoted = (text: string) => text.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');

/** RFC 5987 `utf-8''percent-encoded`. */
function decodeExtended(text: string): string {
  const match = /^utf-8'[^']*'(.*)$/i.exec(text);
  if (!match) throw new MultipartError('unknown filename charset');
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    throw new MultipartError('bad filename encoding');
  }
}

const asciiOrEmpty = (text: string) => (/^[\x00-\x7f]*$/.test(text) ? text : '');
