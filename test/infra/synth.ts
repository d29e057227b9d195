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
