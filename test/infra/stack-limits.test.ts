import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/wiring/routes.js';
import { SCHEDULES } from '../../functions/wiring/schedules.js';
import { PLANNED_ROUTES, PLANNED_SCHEDULES } from './planned-routes.js';
import { sharedSynth } from './shared-synth.js';
import {
  dependencyCycle,
  resourceDependencies,
  SHARED_SYNTH,
  stackFigures,
  synthesize,
  templateOf,
  type StackFigures,
} from './synth.js';

/**
 * Every stack stays well inside CloudFormation's limits (500 resources, 1 MB of template per stack), with the routes
 * the open issues plan counted in: at most 400 resources and 800 KB each, the rest kept as a margin.
 */
const LIMITS = { resources: 400, bytes: 800 * 1024 } as const;

const overLimits = (figures: readonly StackFigures[]): StackFigures[] =>
  figures.filter((figure) => figure.resources >= LIMITS.resources || figure.bytes >= LIMITS.bytes);

const report = (title: string, figures: readonly StackFigures[]): void => {
  const lines = figures.map(
    (figure) =>
      `  ${figure.stack.padEnd(40)} ${String(figure.resources).padStart(4)} resources (headroom ${
        LIMITS.resources - figure.resources
      })  ${(figure.bytes / 1024).toFixed(0).padStart(4)} KB (headroom ${((LIMITS.bytes - figure.bytes) / 1024).toFixed(0)} KB)`,
  );
  console.log(`${title}\n${lines.join('\n')}`);
};

// The product as it is (the shared synth), and with the planned routes and schedules added, synthesized here at module
// scope with cdk-nag (no hook's timeout runs meanwhile).
const product = await sharedSynth();
const planned = synthesize({
  ...SHARED_SYNTH,
  declarations: { routes: [...ROUTES, ...PLANNED_ROUTES], schedules: [...SCHEDULES, ...PLANNED_SCHEDULES] },
});
afterAll(() => planned.cleanup());

describe('Stack: CloudFormation limits', () => {
  it('keeps every stack of the product under 400 resources and 800 KB', () => {
    const figures = stackFigures(product);
    report(`The product (${ROUTES.length} routes; shared synth ${product.synthMilliseconds} ms):`, figures);
    expect(figures.length).toBeGreaterThan(1);
    expect(overLimits(figures)).toEqual([]);
  });

  it('keeps every stack under 400 resources and 800 KB with the planned routes of the open issues counted in', () => {
    const figures = stackFigures(planned);
    report(
      `With ${PLANNED_ROUTES.length} planned routes and ${PLANNED_SCHEDULES.length} planned schedules (${
        ROUTES.length + PLANNED_ROUTES.length
      } routes):`,
      figures,
    );
    // 40 planned before the console's queue and sign-out became real routes (and its AWS sign-in was planned): 39;
    expect(overLimits(figures)).toEqual([]);
  });

  it('deploys every planned route and schedule: a method and a function each, no dependency cycle', () => {
    const resources = Object.values(templateOf(planned).Resources);
    const count = (type: string): number => resources.filter((resource) => resource.Type === type).length;
    const productResources = Object.values(templateOf(product).Resources);
    const productCount = (type: string): number => productResources.filter((resource) => resource.Type === type).length;
    expect(count('AWS::ApiGateway::Method')).toBe(ROUTES.length + PLANNED_ROUTES.length);
    expect(count('AWS::Lambda::Function')).toBe(
      productCount('AWS::Lambda::Function') + PLANNED_ROUTES.length + PLANNED_SCHEDULES.length,
    );
    expect(dependencyCycle(resourceDependencies(templateOf(planned).Resources))).toBeUndefined();
  });

  it('flags a stack at 400 resources or 800 KB (the checks above can fail)', () => {
    const [figure] = stackFigures(product);
    expect(overLimits([{ ...figure!, resources: LIMITS.resources }])).toHaveLength(1);
    expect(overLimits([{ ...figure!, bytes: LIMITS.bytes }])).toHaveLength(1);
    expect(overLimits([{ ...figure!, resources: LIMITS.resources - 1, bytes: LIMITS.bytes - 1 }])).toEqual([]);
  });
});
