import { describe, expect, it } from 'vitest';
import { bundleTargets } from '../../../bench/bundle-targets.js';
import { sourceOf, weightsOf, type BundleFigure } from '../../../bench/bundles.js';

const figure = (name: string, kind: BundleFigure['kind'], kb: number, importRatio: number): BundleFigure => ({
  name,
  kind,
  kb,
  importMs: importRatio * 100,
  importSamplesMs: [importRatio * 100],
  importRatio,
  weights: [{ source: 'zod', kb: kb / 2 }],
});

describe('Bundle weights', () => {
  it('name an npm package by its name, scoped or not, and our files by their folder', () => {
    expect(sourceOf('../main/node_modules/@smithy/core/dist-es/submodules/schema/TypeRegistry.js')).toBe(
      '@smithy/core',
    );
    expect(sourceOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(sourceOf('node_modules/a/node_modules/@aws-sdk/core/dist-es/index.js')).toBe('@aws-sdk/core');
    expect(sourceOf('functions/email/zh-cn.ts')).toBe('functions/email');
    expect(sourceOf('functions/adapters/dynamodb/dynamo-case-store.ts')).toBe('functions/adapters');
    expect(sourceOf('bench/floor-handler.ts')).toBe('bench');
  });

  it('add up the bytes in the output per source, heaviest first, leaving out what was shaken away', () => {
    const weights = weightsOf({
      bytes: 6144,
      inputs: {
        'node_modules/zod/v4/core/schemas.js': { bytesInOutput: 1024 },
        'node_modules/zod/v4/core/util.js': { bytesInOutput: 2048 },
        'functions/email/en.ts': { bytesInOutput: 0 },
        'functions/domain/case.ts': { bytesInOutput: 1536 },
      },
      imports: [],
      exports: [],
      entryPoint: 'functions/handlers/http/get-case.ts',
    });
    expect(weights).toEqual([
      { source: 'zod', kb: 3 },
      { source: 'functions/domain', kb: 1.5 },
    ]);
  });
});

describe('Bundle targets', () => {
  it('judge the functions only, and say for each miss what stands in the way', () => {
    const targets = bundleTargets([
      figure('floor/document-client', 'floor', 216, 1),
      figure('reference/empty-handler', 'reference', 0.3, 0.1),
      figure('http/small', 'http', 250, 1.2),
      figure('http/large', 'http', 700, 2.5),
      figure('task/middle', 'task', 400, 1.5),
    ]);
    expect(targets.bundleSize).toMatchObject({ measured: 'max 700 KB', met: false });
    expect(targets.bundleSize?.why).toContain('1 of 3 over');
    expect(targets.bundleSize?.why).toContain('http/large 700 KB: zod 350');
    expect(targets.bundleMedianSize).toMatchObject({ measured: 'median 400 KB', met: false });
    expect(targets.bundleMedianSize?.why).toContain('floor alone (DynamoDB document client) is 216 KB');
    expect(targets.importVsFloor).toMatchObject({ measured: 'max 2.5x', met: false });
    expect(targets.importVsFloor?.why).toContain('slowest http/large');
  });

  it('say nothing more when every target is met', () => {
    const targets = bundleTargets([
      figure('floor/document-client', 'floor', 216, 1),
      figure('http/a', 'http', 280, 1.9),
    ]);
    expect(Object.values(targets).map((target) => [target.met, target.why])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
    ]);
  });
});
