// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint with typescript-eslint's type-checked rules and eslint-plugin-astro; `npm run lint` (part of
 * `npm test`) allows no warning. Formatting is Prettier's (`npm run format`).
 */
export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'data/', 'coverage/', 'server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A cast the compiler does not need hides the type it would have checked.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['src/scripts/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Tests read JSON bodies (typed `any` by fetch) and compare them with expectations.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // astro-eslint-parser types template expressions as `error`, so these rules would flag every `.map(…)`
    // that returns markup; the frontmatter is still checked by tsc (astro check) and the other rules.
    rules: {
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
