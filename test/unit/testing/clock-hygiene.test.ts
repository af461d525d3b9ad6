import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Tests must not depend on the day they run (a suite that passed on 30/11 failed on 02/12: a fixed-date
 * fixture met the purge job's real clock). Two rules over every file under test/:
 * 1. the system clock is read only through test/helpers/clock.ts (`wallClock()`), never `Date.now()` or `new Date()`;
 * 2. a file that reads the wall clock holds no fixed calendar date, since the two meet sooner or later.
 * Benchmarks (test/bench) time themselves and are not tests; this file is skipped for its own examples.
 */
const TEST_ROOT = join(import.meta.dirname, '..', '..');
const CLOCK_HELPER = join('helpers', 'clock.ts');
const RAW_CLOCK = /\bDate\.now\(\s*\)|\bnew Date\(\s*\)/;
const WALL_CLOCK = /\bwallClock\(\s*\)/;
const FIXED_DATE = /['"`]\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?['"`]/;

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return ['fixtures', 'bench'].includes(entry.name) ? [] : testFiles(path);
    return entry.name.endsWith('.ts') && path !== import.meta.filename ? [path] : [];
  });
}

export function clockViolations(path: string, source: string): string[] {
  const name = relative(TEST_ROOT, path);
  if (name === CLOCK_HELPER) return [];
  const problems: string[] = [];
  source.split('\n').forEach((line, index) => {
    if (RAW_CLOCK.test(line)) problems.push(`${name}:${index + 1} reads the system clock directly: inject a clock, or use wallClock() from helpers/clock.ts`);
  });
  if (WALL_CLOCK.test(source) && FIXED_DATE.test(source)) problems.push(`${name} mixes the wall clock with fixed calendar dates`);
  return problems;
}

describe('clock hygiene of the test suite', () => {
  it('finds no test that reads the wall clock directly or against fixed dates', () => {
    const problems = testFiles(TEST_ROOT).flatMap((path) => clockViolations(path, readFileSync(path, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches a fixture date compared with Date.now()', () => {
    const bad = "const closedAt = '2026-11-30T10:00:00Z';\nexpect(Date.now() - Date.parse(closedAt)).toBeLessThan(DAY);";
    expect(clockViolations(join(TEST_ROOT, 'integration', 'x.test.ts'), bad)).toHaveLength(1);
    const mixed = "const now = wallClock();\nconst fixture = { createdAt: '2020-01-01' };";
    expect(clockViolations(join(TEST_ROOT, 'integration', 'y.test.ts'), mixed)).toEqual([
      'integration/y.test.ts mixes the wall clock with fixed calendar dates',
    ]);
    expect(clockViolations(join(TEST_ROOT, 'integration', 'z.test.ts'), "const at = new Date('2026-11-30');")).toEqual([]);
  });
});
