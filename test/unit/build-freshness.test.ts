import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, isBuildStale } from '#server/build-freshness.ts';

/* The build is made for one public origin: printed kits, QR codes and the spoken address carry it. */

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function builtFor(stamp: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pcmt-build-'));
  roots.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'page.astro'), '');
  // The sources are older than the stamp.
  utimesSync(join(root, 'src', 'page.astro'), new Date(0), new Date(0));
  utimesSync(join(root, 'src'), new Date(0), new Date(0));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, BUILD_STAMP), stamp);
  return root;
}

describe('build freshness', () => {
  it('keeps a build made for the configured origin', () => {
    const root = builtFor(JSON.stringify({ builtAt: 'x', publicOrigin: 'https://pcmt.example.vn' }));
    expect(isBuildStale(root, 'https://pcmt.example.vn')).toBe(false);
  });

  it('builds again for another origin, and over a stamp that names none', () => {
    expect(isBuildStale(builtFor(JSON.stringify({ builtAt: 'x', publicOrigin: 'http://localhost:4321' })), 'https://pcmt.example.vn')).toBe(true);
    expect(isBuildStale(builtFor('an older stamp without an origin'), 'http://localhost:4321')).toBe(true);
  });
});
