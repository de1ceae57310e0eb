// typescript-eslint with the type-aware rules over everything the compiler checks: src, test, bench and
// scripts. Prettier owns formatting, so no style rules here. The browser code in web/ is type-checked by
// tsconfig.web.json (checkJs); eslint gives it the untyped rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'neo4j-launcher/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Resolvers and store methods are async by contract (a throw becomes a rejection) even when the body
      // happens not to await.
      '@typescript-eslint/require-await': 'off',
      // Its fixer removes assertions that tsc needs (it drops `as` from `any` values and `!` where tsc does
      // not narrow): 9 compile errors when applied to this codebase.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON response bodies and browser results, which are `any` by nature; the
    // promise and correctness rules stay on.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests compare the registry's string enums with the literals of the data they check.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The browser code and its tests are compiled by tsconfig.web.json (DOM, checkJs), which also catches
    // undefined names, vendor globals (React, GraphiQL, cytoscape) included.
    files: ['web/**/*.d.ts', 'test/unit/explore/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.web.json' } },
  },
  { files: ['web/**/*.js'], languageOptions: { globals: { ...globals.browser } }, rules: { 'no-undef': 'off' } },
  { files: ['scripts/**/*.js', 'test/**/*.js', '*.js', '*.mjs'], languageOptions: { globals: { ...globals.node } } },
  {
    // Node's CommonJS scripts (run before any build) and jest's transform.
    files: ['scripts/**/*.js', 'test/**/*.js', '*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
