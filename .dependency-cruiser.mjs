/**
 * The import rules of the code base (docs/architecture.md), checked by test/unit/architecture.test.ts and
 * by `npx depcruise server shared src test`:
 * - shared/ (strings, time and number formats, enums, schemas) imports nothing of server/ or src/;
 * - server/ (the domain and the HTTP server) never imports the site (src/);
 * - nothing outside test/ imports test code;
 * - no import cycles.
 * `.astro` files are not read (the cruiser cannot parse them); pages sit at the top and are imported by no module.
 */
/** @type {import('dependency-cruiser').IConfiguration & { options: import('dependency-cruiser').ICruiseOptions & { enhancedResolveOptions: import('dependency-cruiser').IResolveOptions } }} */
export default {
  forbidden: [
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ is the layer both sides import: it depends on neither.',
      from: { path: '^shared/' },
      to: { path: '^(server|src|test)/' },
    },
    {
      name: 'domain-without-site',
      severity: 'error',
      comment: 'server/ runs from source beside the site; it may not import it.',
      from: { path: '^server/' },
      to: { path: '^(src|test)/' },
    },
    { name: 'site-without-tests', severity: 'error', from: { path: '^src/' }, to: { path: '^test/' } },
    { name: 'no-cycles', severity: 'error', comment: 'Modules import each other one way.', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'], conditionNames: ['import', 'node', 'default'] },
  },
};
