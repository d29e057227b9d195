import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, in esbuild's terms. `ServiceFunction` (CDK's NodejsFunction runs the esbuild CLI with
 * these) and the benchmark (esbuild's API) both take them from here, so the benchmark measures the deployed bundles.
 */
export const FUNCTION_BUNDLING = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies may call `require`; an ES module has none unless we provide it.
  banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  minify: true,
  // Error class names are part of the contract with the state machine (Retry/Catch ErrorEquals) and the logs.
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
  // Bundle the AWS SDK: the versions we test are the versions we run, and cold starts skip resolving the runtime's copy.
  external: [],
  logLevel: 'warning',
  // Licence comments of bundled packages stay in node_modules and the lock file; the bundle is for the runtime.
  legalComments: 'none',
  /**
   * Replacements of modules, resolved from the repository root. Lambda gives a function its credentials in environment
   * variables, so every client's default credential chain is reduced to that link (about 120 KB less per bundle).
   */
  alias: {
    '@aws-sdk/credential-provider-node': './functions/commons/lambda-credentials.ts',
    '@smithy/core/event-streams': './functions/commons/no-event-streams.ts',
  },
} as const;

/**
 * The esbuild options of a function's bundle. The same for every function: each entry imports statically exactly the
 * AWS adapters its declaration grants (`routePorts` and its siblings), so esbuild leaves the other clients out.
 */
export const functionBuildOptions = (): BuildOptions => ({
  bundle: true,
  platform: 'node',
  format: FUNCTION_BUNDLING.format,
  target: FUNCTION_BUNDLING.target,
  mainFields: [...FUNCTION_BUNDLING.mainFields],
  banner: { js: FUNCTION_BUNDLING.banner },
  minify: FUNCTION_BUNDLING.minify,
  keepNames: FUNCTION_BUNDLING.keepNames,
  sourcemap: FUNCTION_BUNDLING.sourcemap,
  sourcesContent: FUNCTION_BUNDLING.sourcesContent,
  external: [...FUNCTION_BUNDLING.external],
  logLevel: FUNCTION_BUNDLING.logLevel,
  legalComments: FUNCTION_BUNDLING.legalComments,
  alias: { ...FUNCTION_BUNDLING.alias },
});
