import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/test-app.ts';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

describe('the built public pages', () => {
  const pages = htmlFiles(join(distDir, 'client'));

  it('exist', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it('carry no inline script, inline style or style attribute (the CSP would block them)', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), page).toBeNull();
      expect(html.match(/<style[\s>]/g), page).toBeNull();
      expect(html.match(/\sstyle="/g), page).toBeNull();
    }
  });

  it('load nothing from another origin', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html.match(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\/[^"]+"/g), page).toBeNull();
    }
  });
});
