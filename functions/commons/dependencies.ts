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

/** The provided adapters, if any. */
export const providedDependencies = (): Dependencies | undefined => provided;
