import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { REPO_ROOT } from '../../../infra/config.js';
import layers from '../../../eslint/layers.js';
import noImportCycle from '../../../eslint/no-import-cycle.js';

/**
 * The project's own lint rules on deliberate breaks: a domain file importing an adapter, a use case importing the AWS
 * SDK or a handler, an adapter importing a use case, and a type-only import cycle (test/fixtures/lint-cycle).
 */
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const file = (path: string): string => join(REPO_ROOT, path);
const LAYERS = [
  { layer: 'functions/domain', onlyFolders: ['functions/domain'], onlyPackages: ['node:crypto'] },
  {
    layer: 'functions/use-cases',
    notFolders: ['functions/adapters', 'functions/handlers'],
    notPackages: ['@aws-sdk/'],
  },
  { layer: 'functions/adapters', notFolders: ['functions/use-cases', 'functions/handlers'] },
  { layer: 'functions', notMatching: '^functions/capabilities/[^/]+/grant\\.ts$' },
];

describe('Lint rule: project/layers', () => {
  tester.run('layers', layers, {
    valid: [
      {
        filename: file('functions/domain/case.ts'),
        code: "import { newSortableId } from './ids.js';",
        options: [LAYERS],
      },
      {
        filename: file('functions/use-cases/file-case.ts'),
        code: "import type { CaseStore } from '../ports/case-store.js';",
        options: [LAYERS],
      },
      {
        filename: file('functions/handlers/http/reply-to-case.ts'),
        code: "import { awsMailer } from '../../capabilities/mailer/aws.js';",
        options: [LAYERS],
      },
    ],
    invalid: [
      {
        filename: file('functions/domain/case.ts'),
        code: "import { createDocumentClient } from '../adapters/dynamodb/document-client.js';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('functions/domain/sla/sla-policy.ts'),
        code: "import * as z from 'zod';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('functions/use-cases/file-case.ts'),
        code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('functions/use-cases/staff/resolve-case.ts'),
        code: "import type { handler } from '../../handlers/http/resolve-case.js';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('functions/adapters/dynamodb/dynamo-case-store.ts'),
        code: "import { fileCase } from '../../use-cases/file-case.js';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: file('functions/handlers/http/reply-to-case.ts'),
        code: "import { grantMailer } from '../../capabilities/mailer/grant.js';",
        options: [LAYERS],
        errors: [{ messageId: 'forbidden' }],
      },
    ],
  });
});

describe('Lint rule: project/no-import-cycle', () => {
  const options = [{ folders: ['test/fixtures/lint-cycle'] }];
  tester.run('no-import-cycle', noImportCycle, {
    valid: [{ filename: file('functions/domain/ids.ts'), code: "import { randomBytes } from 'node:crypto';", options }],
    invalid: [
      {
        filename: file('test/fixtures/lint-cycle/order.ts'),
        code: "import type { OrderLine } from './order-line.js';",
        options,
        errors: [{ messageId: 'cycle' }],
      },
    ],
  });
});
