import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { BUCKET_EVENTS } from '../../functions/wiring/bucket-events.js';
import { QUEUES } from '../../functions/wiring/queues.js';
import { ROUTES } from '../../functions/wiring/routes.js';
import { SCHEDULES } from '../../functions/wiring/schedules.js';
import { WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import { REPO_ROOT } from '../../infra/config.js';
import { handlerEntry, ServiceFunction, type FunctionKind } from '../../infra/constructs/service-function.js';
import { functionBuildOptions } from '../../infra/function-bundling.js';
import { logicalIdOf } from './synth.js';

interface DeclaredFunction {
  name: string;
  kind: FunctionKind;
  handler: string;
  capabilities: Capabilities;
}

const FUNCTIONS: DeclaredFunction[] = [
  ...ROUTES.map((route) => ({
    name: route.name,
    kind: 'http' as const,
    handler: route.handler,
    capabilities: route.capabilities,
  })),
  ...WORKFLOW_TASKS.map((task) => ({
    name: task.name,
    kind: 'task' as const,
    handler: task.handler,
    capabilities: task.capabilities,
  })),
  ...SCHEDULES.map((schedule) => ({
    name: schedule.name,
    kind: 'schedule' as const,
    handler: schedule.handler,
    capabilities: schedule.capabilities,
  })),
  ...QUEUES.map((queue) => ({
    name: `${queue.name}Queue`,
    kind: 'queue' as const,
    handler: queue.handler,
    capabilities: queue.capabilities,
  })),
  ...BUCKET_EVENTS.map((event) => ({
    name: event.name,
    kind: 'bucketEvent' as const,
    handler: event.handler,
    capabilities: event.capabilities,
  })),
];

/** The AWS SDK clients a declaration needs, written out here independently of the code that decides it. */
const expectedClients = ({
  tables = {},
  workflow = [],
  mailer,
  attachments,
  uploads,
  workQueue,
  storefrontKeys,
}: Capabilities): string[] =>
  [
    // Upload records are items of the cases table, read and written through the DynamoDB client.
    ...(tables.cases || tables.stores || tables.agents || tables.idempotency || uploads
      ? ['@aws-sdk/client-dynamodb']
      : []),
    ...(attachments ? ['@aws-sdk/client-s3'] : []),
    ...(mailer ? ['@aws-sdk/client-sesv2'] : []),
    ...(workflow.length > 0 ? ['@aws-sdk/client-sfn'] : []),
    ...(workQueue ? ['@aws-sdk/client-sqs'] : []),
    ...(storefrontKeys ? ['@aws-sdk/client-api-gateway'] : []),
    // Survey links add none: the key secret and the base-URL parameter are read through the Lambda extension.
  ].sort();

/** The packages whose code is in the output (a module only imported and then shaken away contributes 0 bytes). */
const bundledPackages = (output: Metafile['outputs'][string]): Set<string> =>
  new Set(
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1])
      .filter((name): name is string => name !== undefined),
  );

const bundledFiles = (output: Metafile['outputs'][string]): string[] =>
  Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);

let outputs: Map<string, Metafile['outputs'][string]>;

beforeAll(async () => {
  // Every function bundled with the options CDK uses (metafile only, nothing written), in one esbuild call (the
  // options are the same for all), each entry still its own bundle.
  const groups = [FUNCTIONS];
  outputs = new Map();
  await Promise.all(
    groups.map(async (group) => {
      const result = await build({
        ...functionBuildOptions(),
        entryPoints: Object.fromEntries(group.map((fn) => [fn.name, handlerEntry(fn.kind, fn.handler)])),
        outdir: join(tmpdir(), 'function-bundles-test'),
        outExtension: { '.js': '.mjs' },
        absWorkingDir: REPO_ROOT,
        sourcemap: false,
        write: false,
        metafile: true,
      });
      for (const [path, output] of Object.entries(result.metafile.outputs)) {
        const fn = group.find((candidate) => path.endsWith(`/${candidate.name}.mjs`));
        if (fn) outputs.set(fn.name, output);
      }
    }),
  );
});

const outputOf = (name: string): Metafile['outputs'][string] => {
  const output = outputs.get(name);
  if (!output) throw new Error(`No bundle for ${name}`);
  return output;
};

describe('Function bundles', () => {
  it('contain exactly the AWS clients of their declared capabilities', () => {
    for (const fn of FUNCTIONS) {
      const clients = [...bundledPackages(outputOf(fn.name))].filter((name) => name.startsWith('@aws-sdk/client-'));
      expect(clients.sort(), fn.name).toEqual(expectedClients(fn.capabilities));
    }
  });

  it('bundle no Powertools parameters, not even where survey links are declared (the extension reads them)', () => {
    for (const fn of FUNCTIONS) {
      expect(bundledPackages(outputOf(fn.name)).has('@aws-lambda-powertools/parameters'), fn.name).toBe(false);
    }
  });

  it('bundle no AWS SDK at all for a function without capabilities', () => {
    const packages = [...bundledPackages(outputOf('getOpenApi'))];
    expect(packages.filter((name) => name.startsWith('@aws-sdk/') || name.startsWith('@smithy/'))).toEqual([]);
  });

  it('carry no AWS credential provider but the environment variables Lambda sets', () => {
    // Profiles, SSO, web identity, STS and instance metadata (with their nested clients) are never reached in Lambda.
    for (const fn of FUNCTIONS.filter((candidate) => expectedClients(candidate.capabilities).length > 0)) {
      const packages = [...bundledPackages(outputOf(fn.name))];
      expect(
        packages.filter((name) => /^@aws-sdk\/(credential-provider-|nested-clients$|token-providers$)/.test(name)),
        fn.name,
      ).toEqual([]);
      expect(bundledFiles(outputOf(fn.name)), fn.name).toContain('functions/commons/lambda-credentials.ts');
    }
  });

  it('carry no event-stream codec: no function calls an event-stream operation', () => {
    // @smithy/core/event-streams (about 15 KB) is loaded by every protocol and by S3's client at construction.
    for (const fn of FUNCTIONS.filter((candidate) => expectedClients(candidate.capabilities).length > 0)) {
      const files = bundledFiles(outputOf(fn.name));
      expect(
        files.filter((path) => path.includes('@smithy/core/dist-es/submodules/event-streams/')),
        fn.name,
      ).toEqual([]);
      expect(files, fn.name).toContain('functions/commons/no-event-streams.ts');
    }
  });

  it('carry the email layouts only where emails are sent', () => {
    // A module-scope call left unmarked keeps every template and both locales in bundles that only import a notice.
    // (The KPI page shows the locales' labels, not their emails; a layout module's constants alone are a few bytes.)
    for (const fn of FUNCTIONS) {
      const layoutBytes = outputOf(fn.name).inputs['functions/email/layouts.ts']?.bytesInOutput ?? 0;
      expect(layoutBytes > 1024, `${fn.name}: ${layoutBytes} bytes of layouts`).toBe(fn.capabilities.mailer === true);
    }
  });

  it("carry zod's English messages, and its Chinese ones only in console pages (never a namespace import)", () => {
    // `import { z } from 'zod'` keeps every export of the namespace, ~370 KB of locales and JSON Schema code per bundle.
    // A console page words a refused form's zod messages in zh-CN (http/console/localized-details.ts): ~3 KB there.
    const consolePages = new Set(ROUTES.filter((route) => route.auth === 'console').map((route) => route.name));
    for (const fn of FUNCTIONS) {
      const locales = bundledFiles(outputOf(fn.name)).filter((path) => /zod\/v4\/locales\/(?!en\.js$)/.test(path));
      const allowed = consolePages.has(fn.name) ? ['node_modules/zod/v4/locales/zh-CN.js'] : [];
      expect(locales.filter((path) => !allowed.includes(path)), fn.name).toEqual([]);
    }
  });
});

const sha256 = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

describe('ServiceFunction bundling', () => {
  let outdir: string;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'function-bundles-cdk-'));
  });

  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it('builds byte for byte the bundle of functionBuildOptions (what the benchmark measures)', async () => {
    // Prepare: a function with several clients and one with none
    const samples = FUNCTIONS.filter((fn) => ['replyToCase', 'getOpenApi'].includes(fn.name));
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundlingCheck');
    const deployed = samples.map((fn) => ({
      fn,
      construct: new ServiceFunction(stack, fn.name, {
        kind: fn.kind,
        handler: fn.handler,
        description: fn.name,
        capabilities: fn.capabilities,
      }),
    }));

    // Act
    const template = app.synth().getStackByName('BundlingCheck').template as {
      Resources: Record<string, { Properties: { Code?: { S3Key: string } } }>;
    };

    // Assess
    for (const { fn, construct } of deployed) {
      const code = template.Resources[logicalIdOf(construct)]?.Properties.Code;
      expect(code, fn.name).toBeDefined();
      const assetDir = join(outdir, `asset.${code?.S3Key.replace(/\.zip$/, '')}`);
      const result = await build({
        ...functionBuildOptions(),
        entryPoints: [handlerEntry(fn.kind, fn.handler)],
        outfile: join(outdir, 'benchmark', fn.name, 'index.mjs'),
        absWorkingDir: REPO_ROOT,
        write: false,
      });
      const measured = result.outputFiles.find((file) => file.path.endsWith('index.mjs'));
      expect(sha256(await readFile(join(assetDir, 'index.mjs'))), fn.name).toBe(
        sha256(measured?.contents ?? new Uint8Array()),
      );
      // A minified ESM file with its source map, requiring CommonJS dependencies through createRequire.
      expect(existsSync(join(assetDir, 'index.mjs.map')), fn.name).toBe(true);
      expect(await readFile(join(assetDir, 'index.mjs'), 'utf8'), fn.name).toContain('createRequire(import.meta.url)');
    }
  });
});
