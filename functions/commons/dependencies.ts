import type { Dependencies } from '../ports/dependencies.js';

export type { Dependencies } from '../ports/dependencies.js';

let provided: Dependencies | undefined;

/**
 * Used by the local stack and tests: every handler in this process then uses these adapters instead of the AWS ones
 * its entry imports (`functions/capabilities/declared-ports.ts`).
 */
export const provideDependencies = (dependencies: Dependencies): void => {
  provided = dependencies;
};

/**
 * Back to no provided adapters (each handler then makes its AWS ones). Test files share one process per worker, so
 * the test setup calls this before each file: a stack or a test that provided adapters does not leak into the next file.
 */
export const withdrawProvidedDependencies = (): void => {
  provided = undefined;
};

/** The provided adapters, if any. */
export const providedDependencies = (): Dependencies | undefined => provided;
