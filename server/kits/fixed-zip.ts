import { unzipSync, zipSync, type Zippable } from 'fflate';

/*
 * ZIP archives whose bytes depend only on their content: a fixed modification time on every entry and a
 * fixed compression level. Office files (DOCX, PPTX) are ZIPs too; their writers stamp the clock into the
 * archive and into docProps/core.xml, so they are repacked here.
 */

/**
 * The kit's date as the ZIP timestamp. ZIP stores local wall-clock time, and fflate reads the Date's local
 * fields: building the Date from local fields keeps the bytes the same in every time zone.
 */
export function zipTimestamp(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}

/** Zips the files in the given order, each stamped with the same time. */
export function fixedZip(files: ReadonlyArray<readonly [name: string, bytes: Uint8Array]>, date: Date): Uint8Array {
  const mtime = zipTimestamp(date);
  const entries: Zippable = {};
  for (const [name, bytes] of files) entries[name] = [bytes, { mtime, level: 9 }];
  return zipSync(entries);
}

/**
 * Repacks an Office file: the same parts in the same order, the creation and modification dates in
 * docProps/core.xml set to `date`, every entry stamped with it.
 */
export function repackOfficeFile(bytes: Uint8Array, date: Date): Uint8Array {
  const iso = `${date.toISOString().slice(0, 10)}T00:00:00Z`;
  const parts = Object.entries(unzipSync(bytes)).map(([name, content]): [string, Uint8Array] => {
    if (name !== 'docProps/core.xml') return [name, content];
    const xml = new TextDecoder()
      .decode(content)
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_match, open: string, _tag: string, close: string) => `${open}${iso}${close}`);
    return [name, new TextEncoder().encode(xml)];
  });
  return fixedZip(parts, date);
}
