import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipartBoundary, MultipartError, parseMultipart } from '../../../server/http/multipart.ts';

/** What fetch() sends for a FormData body: the bytes and the Content-Type with its boundary. */
async function encoded(form: FormData): Promise<{ body: Buffer; type: string }> {
  const request = new Request('http://portal.test/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get('Content-Type')! };
}

/** Entries in a comparable shape: text as is, files as name, type and bytes. */
async function comparable(entries: Iterable<[string, FormDataEntryValue]>) {
  const out = [];
  for (const [name, value] of entries) {
    out.push([name, typeof value === 'string' ? value : { file: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()).toString('hex') }]);
  }
  return out;
}

const ours = ({ body, type }: { body: Buffer; type: string }) => parseMultipart(body, multipartBoundary(type)!);
const nodes = async ({ body, type }: { body: Buffer; type: string }) =>
  [...(await new Request('http://portal.test/', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': type } }).formData())] as [string, FormDataEntryValue][];

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('', '"', '\r\n', 'a"b\rc\nd', '%22', '--', 'Chợ Vinh'));
const entry = fc.oneof(
  fc.tuple(text, text),
  fc.tuple(text, fc.record({ bytes: fc.uint8Array({ maxLength: 64 }), name: text, type: fc.constantFrom('', 'image/jpeg', 'text/plain', 'application/octet-stream') })),
);

describe('parseMultipart', () => {
  it('reads back what fetch() encodes, exactly as Node’s own FormData parser does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 8 }), async (entries) => {
        const form = new FormData();
        for (const [name, value] of entries) {
          if (typeof value === 'string') form.append(name, value);
          else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.name);
        }
        const body = await encoded(form);
        expect(await comparable(ours(body))).toEqual(await comparable(await nodes(body)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a part written by hand: quoted boundary, preamble, epilogue, filename*, no Content-Type', async () => {
    const body = Buffer.from(
      'preamble\r\n--b"x\r\nContent-Disposition: form-data; name="place"\r\n\r\nChợ Vinh\r\n' +
        "--b\"x\r\ncontent-disposition: form-data; name=photos; filename=\"a.jpg\"; filename*=UTF-8''%E1%BA%A3nh.jpg\r\n\r\n\x01\x02\r\n--b\"x--\r\nepilogue",
    );
    const entries = parseMultipart(body, multipartBoundary('multipart/form-data; boundary="b\\"x"')!);
    expect(await comparable(entries)).toEqual([
      ['place', 'Chợ Vinh'],
      ['photos', { file: 'ảnh.jpg', type: 'text/plain', bytes: '0102' }],
    ]);
  });

  it('knows a multipart Content-Type by its essence and refuses one without a boundary', () => {
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary=abc')).toBe('abc');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
    expect(() => multipartBoundary('multipart/form-data')).toThrow(MultipartError);
  });

  it('refuses a malformed body with MultipartError and nothing else', () => {
    const malformed = [
      '',
      'no boundary at all',
      '--xyz\r\n\r\nno name\r\n--xyz--',
      '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nnever ends',
      '--xyz\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--xyz--',
      '--xyz\r\nBad Header\r\n\r\nx\r\n--xyz--',
      '--xyzjunk',
    ];
    for (const body of malformed) expect(() => parseMultipart(Buffer.from(body), 'xyz'), body).toThrow(MultipartError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('', '--xyz\r\n', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n'), (bytes, prefix) => {
        try {
          parseMultipart(Buffer.concat([Buffer.from(prefix), bytes]), 'xyz');
        } catch (error) {
          expect(error).toBeInstanceOf(MultipartError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
