// Lint: typescript-eslint's type-checked rules, the layers of functions/ and no import cycle anywhere.
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';
import noImportCycle from './eslint/no-import-cycle.js';

const CAPABILITY_GRANT = '^functions/capabilities/[^/]+/grant\\.ts$';
// A capability's AWS adapter or grant; its `capability.ts` (port type, grant check, variables) is for anyone.
const CAPABILITY_ADAPTER_OR_GRANT = '^functions/capabilities/[^/]+/(aws|grant)\\.ts$';

const LAYERS = [
  // Pure rules: nothing outside the domain; node:crypto only for hashing and signing survey tokens.
  { layer: 'functions/domain', onlyFolders: ['functions/domain'], onlyPackages: ['node:crypto'] },
  {
    layer: 'functions/use-cases',
    notFolders: ['functions/adapters', 'functions/handlers', 'functions/http'],
    notMatching: CAPABILITY_ADAPTER_OR_GRANT,
    notPackages: ['@aws-sdk/', '@aws-lambda-powertools/', '@middy/'],
  },
  {
    layer: 'functions/ports',
    notFolders: ['functions/adapters', 'functions/handlers', 'functions/use-cases'],
    notMatching: CAPABILITY_ADAPTER_OR_GRANT,
  },
  {
    layer: 'functions/adapters',
    notFolders: ['functions/use-cases', 'functions/handlers', 'functions/http'],
    notMatching: CAPABILITY_ADAPTER_OR_GRANT,
  },
  // A capability's grant (`functions/capabilities/<name>/grant.ts`) is CDK code: only infra/ (and tests) import it, so
  // no function bundle and no local stack carries aws-cdk-lib.
  ...['functions', 'local', 'scripts', 'bench'].map((layer) => ({ layer, notMatching: CAPABILITY_GRANT })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'cdk.out/',
      '.local/',
      'coverage/',
      'test-results/',
      'eslint/',
      'test/fixtures/lint-cycle/',
      '*.config.*',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { project: { rules: { layers, 'no-import-cycle': noImportCycle } } },
    rules: {
      'project/layers': ['error', LAYERS],
      'project/no-import-cycle': ['error', { folders: ['functions', 'infra', 'local', 'scripts', 'bench', 'test'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters implement async ports without always awaiting (a local fake, a cached value): not a defect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // What a function bundles: zod's classic build weighs about 100 KB minified in a bundle, its mini build about 27 KB
    // with the same core (same checks, messages and JSON Schema). Tests, infra, local and scripts may keep classic.
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
            name,
            message: "Import 'zod/mini' in functions/: the classic build is ~100 KB of every bundle.",
          })),
        },
      ],
    },
  },
  {
    // Tests read HTTP answers and stored items as JSON (`any`) on purpose and assert on their shape; fakes implement
    // async ports without awaiting anything.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
