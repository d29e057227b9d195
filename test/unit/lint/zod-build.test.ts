import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../infra/config.js';

/**
 * `eslint.config.js` refuses zod's classic build in what a function bundles (about 100 KB a bundle; `zod/mini` shares
 * its core). The rule as the project configures it for a file, run on imports of each build.
 */
const eslint = new ESLint({ cwd: REPO_ROOT });
const restrictedImportsFor = async (path: string): Promise<Linter.RuleEntry | undefined> => {
  const config = (await eslint.calculateConfigForFile(join(REPO_ROOT, path))) as Linter.Config;
  return config.rules?.['no-restricted-imports'];
};
const problems = (rule: Linter.RuleEntry, code: string): string[] =>
  new Linter()
    .verify(code, {
      languageOptions: { parser: tseslint.parser, sourceType: 'module' },
      rules: { 'no-restricted-imports': rule },
    })
    .map((message) => message.message);

describe('Lint: zod builds', () => {
  it("refuses zod's classic build in functions/, whatever the import's form", async () => {
    const rule = await restrictedImportsFor('functions/schemas/case-request.ts');
    expect(rule).toBeDefined();
    for (const code of [
      "import * as z from 'zod';",
      "import { z } from 'zod';",
      "import type { ZodType } from 'zod';",
    ]) {
      expect(problems(rule!, code), code).toEqual([expect.stringContaining("Import 'zod/mini' in functions/")]);
    }
    expect(problems(rule!, "import * as z from 'zod/v4';")).toHaveLength(1);
  });

  it('lets functions/ import zod/mini and its locales', async () => {
    const rule = await restrictedImportsFor('functions/handlers/tasks/open-case.ts');
    expect(problems(rule!, "import * as z from 'zod/mini';\nimport { en } from 'zod/locales';")).toEqual([]);
  });

  it('leaves tests, infra, local and scripts free to use the classic build', async () => {
    for (const path of [
      'test/support/schema-arbitraries.ts',
      'infra/app.ts',
      'local/local-routes.ts',
      'scripts/x.ts',
    ]) {
      expect(await restrictedImportsFor(path), path).toBeUndefined();
    }
  });
});
