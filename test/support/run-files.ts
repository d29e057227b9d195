import type { TestProject, TestSpecification } from 'vitest/node';

/**
 * The test files of this run when the command line names some (`npx vitest run test/workflow/x.test.ts`), for a global
 * setup to start only what they need; undefined when the run takes every file of the configuration. vitest keeps the
 * command line's filters as `filenamePattern` (not typed as public: read defensively, undefined is the safe answer).
 */
export const filesOfThisRun = async (project: TestProject): Promise<TestSpecification[] | undefined> => {
  const filters = (project.vitest as unknown as { filenamePattern?: unknown }).filenamePattern;
  if (!Array.isArray(filters) || filters.length === 0) return undefined;
  return project.vitest.globTestSpecifications(filters as string[]);
};
