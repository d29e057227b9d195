import type { Dependencies } from '../ports/dependencies.js';

export type { Dependencies } from '../ports/dependencies.js';

let provided: Dependencies | undefined;
let awsDefaults: Promise<Dependencies> | undefined;

/** Used by the local stack and tests: every handler in this process then uses these adapters. */
export const provideDependencies = (dependencies: Dependencies): void => {
  provided = dependencies;
};

/** The adapters for this process: the provided ones, or AWS's, built on first use (cold start) and kept. */
export const getDependencies = async (): Promise<Dependencies> => {
  if (provided) return provided;
  awsDefaults ??= import('./aws-dependencies.js').then((module) => module.createAwsDependencies());
  return awsDefaults;
};
