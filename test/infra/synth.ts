import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import type { AfterSalesStack } from '../../infra/after-sales-stack.js';
import { REPO_ROOT } from '../../infra/config.js';
import { createApp } from '../../infra/create-app.js';

/** The context `cdk synth` runs with (feature flags and defaults from cdk.json), so tests synthesise what the CLI does. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface Synthesized {
  app: App;
  stack: AfterSalesStack;
  assembly: CloudAssembly;
  outdir: string;
  cleanup: () => void;
}

export interface SynthOptions {
  context?: Record<string, unknown>;
  /** Skip esbuild (placeholder assets): for checks that do not look at code, e.g. cdk-nag. */
  skipBundling?: boolean;
  nagAcknowledgements?: boolean;
}

/** Builds the app exactly as `infra/app.ts` does (stack + AwsSolutions checks) into a temporary cloud assembly. */
export const buildApp = (options: SynthOptions = {}): { app: App; stack: AfterSalesStack; outdir: string } => {
  const outdir = mkdtempSync(join(tmpdir(), 'after-sales-cdk-'));
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = createApp(new App({ outdir, context }), { nagAcknowledgements: options.nagAcknowledgements });
  return { app, stack, outdir };
};

export const synthesize = (options: SynthOptions = {}): Synthesized => {
  const { app, stack, outdir } = buildApp(options);
  const assembly = app.synth();
  return { app, stack, assembly, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
};

/** The synthesized stack's CloudFormation template: its resources and outputs. */
export type StackTemplate = {
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, { Value: unknown }>;
};
export const templateOf = (synth: Synthesized): StackTemplate =>
  synth.assembly.getStackArtifact(synth.stack.artifactId).template as StackTemplate;

/** The CloudFormation logical id of a construct's resource (or of the construct itself when it is a CfnElement). */
export const logicalIdOf = (construct: IConstruct): string => {
  const element = (construct.node.defaultChild ?? construct) as IConstruct & { logicalId: string };
  return String(Stack.of(construct).resolve(element.logicalId));
};

/** A resource of a synthesized template, and a statement of a policy document in it. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** CloudFormation writes a single value where a list has one element. */
export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
export const getAtt = (logicalId: string): unknown => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

/** The logical ids a value refers to: `Ref`, `Fn::GetAtt` and `${...}` in `Fn::Sub`, pseudo parameters left out. */
const referencedIds = (value: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else if (key === 'Fn::GetAtt')
        into.add(Array.isArray(inner) ? String(inner[0]) : (String(inner).split('.')[0] ?? ''));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? String(inner[0]) : String(inner);
        for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(\.[^}]*)?\}/g)) into.add(match[1] ?? '');
        if (Array.isArray(inner)) referencedIds(inner[1], into);
      } else referencedIds(inner, into);
    }
  }
  return into;
};

/** Each resource's dependencies inside the template: what its properties refer to, and its `DependsOn`. */
export const resourceDependencies = (
  resources: Record<string, CfnResource & { DependsOn?: string | string[]; Condition?: string }>,
): Map<string, Set<string>> =>
  new Map(
    Object.entries(resources).map(([logicalId, resource]) => {
      const ids = referencedIds(resource.Properties ?? {}, new Set());
      for (const id of asList(resource.DependsOn ?? [])) ids.add(id);
      return [logicalId, new Set([...ids].filter((id) => id in resources))];
    }),
  );

/** A dependency cycle among the template's resources (CloudFormation refuses to deploy one), or `undefined`. */
export const dependencyCycle = (dependencies: Map<string, Set<string>>): string[] | undefined => {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of dependencies.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of dependencies.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
};
