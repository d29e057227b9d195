import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import type { AfterSalesStack, AfterSalesStackProps } from '../../infra/after-sales-stack.js';
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
  /** The cloud assembly's directory: a new temporary one when absent. */
  outdir?: string;
  /** Routes and schedules instead of the product's (the planned routes of open issues, to measure the headroom). */
  declarations?: AfterSalesStackProps['declarations'];
  /** Skip esbuild (placeholder assets): for checks that do not look at code, e.g. cdk-nag. */
  skipBundling?: boolean;
  nagAcknowledgements?: boolean;
}

/** Builds the app exactly as `infra/app.ts` does (stack + AwsSolutions checks) into a temporary cloud assembly. */
export const buildApp = (options: SynthOptions = {}): { app: App; stack: AfterSalesStack; outdir: string } => {
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), 'after-sales-cdk-'));
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = createApp(new App({ outdir, context }), {
    nagAcknowledgements: options.nagAcknowledgements,
    declarations: options.declarations,
  });
  return { app, stack, outdir };
};

/**
 * The app every infra test file shares: synthesized once per test run (`test/support/cdk-synth-setup.ts`), read from
 * its cloud assembly on disk (`sharedSynth` in `shared-synth.ts`). Templates only: the bundles are checked in
 * function-bundles.test.ts. Tests that need another configuration synthesize their own variant.
 */
export const SHARED_SYNTH: SynthOptions = {
  context: { allowedOrigins: 'https://shop.example', mailFrom: 'care@shop.example', stage: 'test' },
  skipBundling: true,
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

/** A template as written: with the parameters a nested stack receives from its parent. */
interface WrittenTemplate extends StackTemplate {
  Parameters?: Record<string, unknown>;
}

/** Replaces, everywhere in `value`, each object for which `replacement` answers something. */
const substitute = (value: unknown, replacement: (object: Record<string, unknown>) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => substitute(item, replacement));
  if (typeof value !== 'object' || value === null) return value;
  const replaced = replacement(value as Record<string, unknown>);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, substitute(inner, replacement)]));
};

/** The nested stacks whose parent is `stack`. */
export const nestedStacksOf = (stack: Stack): NestedStack[] =>
  stack.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct))
    .filter((nested) => nested.nestedStackParent === stack);

/** Every stack's own template as written: the top-level stack's, and each nested stack's, by stack. */
export const writtenTemplates = (synth: Synthesized): Map<Stack, WrittenTemplate> => {
  const templates = new Map<Stack, WrittenTemplate>([
    [synth.stack, synth.assembly.getStackArtifact(synth.stack.artifactId).template as WrittenTemplate],
  ]);
  const visit = (stack: Stack): void => {
    for (const nested of nestedStacksOf(stack)) {
      templates.set(
        nested,
        JSON.parse(readFileSync(join(synth.outdir, nested.templateFile), 'utf8')) as WrittenTemplate,
      );
      visit(nested);
    }
  };
  visit(synth.stack);
  return templates;
};

/**
 * A stack and its nested stacks read as one template, the way the assertions were written: each nested stack's
 * parameters replaced by what its parent passes, each `Outputs.<name>` the parent reads replaced by the output's value,
 * every resource under its own logical id (unique across the stacks, or this throws), the top-level stack's outputs.
 */
const flatten = (synth: Synthesized, stack: Stack, templates: Map<Stack, WrittenTemplate>): StackTemplate => {
  const own = templates.get(stack)!;
  const resources: Record<string, CfnResource> = { ...own.Resources };
  const outputsOfNested = new Map<string, Record<string, { Value: unknown }>>();
  for (const nested of nestedStacksOf(stack)) {
    const resourceId = logicalIdOf(nested.nestedStackResource!);
    const passed = (own.Resources[resourceId]?.Properties.Parameters ?? {}) as Record<string, unknown>;
    const inner = flatten(synth, nested, templates);
    const received = (object: Record<string, unknown>): unknown => {
      const name = object.Ref;
      return Object.keys(object).length === 1 && typeof name === 'string' && name in passed ? passed[name] : undefined;
    };
    for (const [logicalId, resource] of Object.entries(inner.Resources)) {
      if (logicalId in resources) throw new Error(`Logical id ${logicalId} is in more than one stack`);
      resources[logicalId] = substitute(resource, received) as CfnResource;
    }
    outputsOfNested.set(
      resourceId,
      Object.fromEntries(
        Object.entries(inner.Outputs ?? {}).map(([name, output]) => [
          name,
          { Value: substitute(output.Value, received) },
        ]),
      ),
    );
  }
  const fromNested = (object: Record<string, unknown>): unknown => {
    const getAtt = object['Fn::GetAtt'];
    if (Object.keys(object).length !== 1 || !Array.isArray(getAtt)) return undefined;
    const [resourceId, attribute] = getAtt as [string, string];
    const outputs = outputsOfNested.get(resourceId);
    if (!outputs || !attribute.startsWith('Outputs.')) return undefined;
    return outputs[attribute.slice('Outputs.'.length)]?.Value;
  };
  return {
    Resources: Object.fromEntries(
      Object.entries(resources).map(([logicalId, resource]) => [
        logicalId,
        substitute(resource, fromNested) as CfnResource,
      ]),
    ),
    Outputs: substitute(own.Outputs ?? {}, fromNested) as StackTemplate['Outputs'],
  };
};

const flattened = new WeakMap<Synthesized, StackTemplate>();
/** The synthesized stack's template, its nested stacks' resources included (see `flatten`). */
export const templateOf = (synth: Synthesized): StackTemplate => {
  let template = flattened.get(synth);
  if (!template) {
    template = flatten(synth, synth.stack, writtenTemplates(synth));
    flattened.set(synth, template);
  }
  return template;
};

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

/** What CloudFormation limits per stack: its resources (500 at most) and its template's size (1 MB at most). */
export interface StackFigures {
  /** The stack's construct path: `after-sales-test`, `after-sales-test/StaffFunctions`, ... */
  stack: string;
  resources: number;
  /** The template file's size as written into the cloud assembly (what is uploaded). */
  bytes: number;
}

export const stackFigures = (synth: Synthesized): StackFigures[] =>
  [...writtenTemplates(synth)].map(([stack, template]) => {
    const file = NestedStack.isNestedStack(stack)
      ? join(synth.outdir, stack.templateFile)
      : synth.assembly.getStackArtifact(stack.artifactId).templateFullPath;
    return {
      stack: stack.node.path,
      resources: Object.keys(template.Resources).length,
      bytes: statSync(file).size,
    };
  });
