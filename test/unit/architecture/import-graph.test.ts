import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../../.dependency-cruiser.mjs';

/** Runs the project's import rules over `folders` of `root`; returns the result with its violations. */
async function cruiseFolders(root: string, folders: string[]): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const { output } = await cruise(folders, { ruleSet: config, ...config.options, validate: true }, config.options.enhancedResolveOptions);
    return output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

const violationsOf = (result: ICruiseResult) => result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);

describe('the import graph', () => {
  const fixtures: string[] = [];
  afterAll(() => fixtures.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('has no server/ → src/ import, no shared/ → server/ or src/ import, and no cycle', { timeout: 60_000 }, async () => {
    const result = await cruiseFolders(join(import.meta.dirname, '..', '..', '..'), ['server', 'shared', 'src', 'test']);
    expect(violationsOf(result)).toEqual([]);
    // The `#server/*` and `#shared/*` aliases are followed, so the rules see every edge.
    const middleware = result.modules.find((module) => module.source === 'src/middleware.ts');
    expect(middleware?.dependencies.map((dependency) => dependency.resolved)).toContain('server/auth/sessions.ts');
  });

  it('catches a domain module importing the site, and a cycle', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'pcmt-imports-'));
    fixtures.push(root);
    for (const folder of ['server', 'src', 'shared']) mkdirSync(join(root, folder));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ type: 'module', imports: { '#server/*': './server/*', '#src/*': './src/*', '#shared/*': './shared/*' } }),
    );
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler', allowImportingTsExtensions: true, noEmit: true } }),
    );
    writeFileSync(join(root, 'server', 'domain.ts'), "import { label } from '#src/page-text.ts';\nexport const name = label;\n");
    writeFileSync(join(root, 'src', 'page-text.ts'), "export const label = 'x';\n");
    writeFileSync(join(root, 'shared', 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
    writeFileSync(join(root, 'shared', 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
    const violations = violationsOf(await cruiseFolders(root, ['server', 'src', 'shared']));
    expect(violations).toContain('domain-without-site: server/domain.ts → src/page-text.ts');
    expect(violations.filter((line) => line.startsWith('no-cycles: shared/'))).not.toEqual([]);
  });
});
