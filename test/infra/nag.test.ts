import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/config.js';
import { sharedSynth } from './shared-synth.js';
import { buildApp, SHARED_SYNTH, type Synthesized } from './synth.js';

/** `validation-report.json`, which CDK writes into the cloud assembly for the validation plugins (cdk-nag 3 is one). */
interface ValidationReport {
  pluginReports: Array<{
    pluginName: string;
    conclusion?: string;
    violations?: Array<{
      ruleName: string;
      severity?: string;
      violatingConstructs?: Array<{ constructPath?: string }>;
    }>;
  }>;
}

const readReport = (outdir: string): ValidationReport =>
  JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;

const unacknowledged = (report: ValidationReport): string[] =>
  report.pluginReports.flatMap((plugin) =>
    (plugin.violations ?? [])
      .filter(
        (violation) => violation.severity === undefined || ['error', 'warning', 'fatal'].includes(violation.severity),
      )
      .flatMap((violation) =>
        (violation.violatingConstructs ?? [{}]).map(
          (construct) =>
            `${plugin.pluginName} ${violation.severity ?? '?'} ${violation.ruleName} at ${construct.constructPath ?? '?'}`,
        ),
      ),
  );

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Acknowledgements recorded by `Validations.of(construct).acknowledge(...)`, read back from construct metadata. */
const acknowledgements = (root: IConstruct): Acknowledgement[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

const infraSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? infraSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

// Any unacknowledged finding (error or warning) makes the shared synthesis fail with the report: kept to show it in a
// test. Awaited at module scope: no hook's timeout runs while it synthesizes.
const shared = await sharedSynth().then(
  (synthesized) => ({ synthesized, synthesisError: undefined }),
  (error: unknown) => ({ synthesized: undefined, synthesisError: error }),
);
const { synthesisError } = shared;
const synth = (): Synthesized => {
  if (!shared.synthesized) throw synthesisError;
  return shared.synthesized;
};

describe('cdk-nag: how findings are reported', () => {
  it('fails synthesis and lists the finding in the validation report when a rule is violated', () => {
    // Prepare: a bucket that breaks AwsSolutions-S10 (no TLS enforcement) and S1 (no access logs).
    const outdir = mkdtempSync(join(tmpdir(), 'nag-control-'));
    try {
      const app = new App({ outdir });
      new Bucket(new Stack(app, 'Control'), 'Bucket');
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

      // Act + Assess
      expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
      expect(unacknowledged(readReport(outdir))).toEqual(
        expect.arrayContaining([
          expect.stringContaining('AwsSolutions error AwsSolutions-S10 at Control/Bucket/Resource'),
        ]),
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('cdk-nag: AwsSolutions on the after-sales stack', () => {
  it('synthesises with AwsSolutions checks on', () => {
    expect(synthesisError).toBeUndefined();
  });

  it('leaves no unacknowledged error or warning in the validation report', () => {
    expect(unacknowledged(readReport(synth().outdir))).toEqual([]);
  });

  it('finds nothing unacknowledged when the pack is run directly on the construct tree', () => {
    expect(new AwsSolutionsChecks().validateScope(synth().app).violations).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acks = acknowledgements(synth().app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(20);
    }
  });

  it('acknowledges only in infra/nag-acknowledgements.ts', () => {
    const acknowledging = infraSources(join(REPO_ROOT, 'infra'))
      .filter((file) => readFileSync(file, 'utf8').includes('.acknowledge('))
      .map((file) => relative(REPO_ROOT, file));
    expect(acknowledging).toEqual(['infra/nag-acknowledgements.ts']);
  });

  it('acknowledges exactly the findings the stack has without acknowledgements: none stale, none missing', () => {
    // Prepare: the same stack without acknowledgements (not synthesised: it would fail).
    const bare = buildApp({ ...SHARED_SYNTH, nagAcknowledgements: false });
    try {
      // Act
      const findings = new AwsSolutionsChecks().validateScope(bare.app).violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => ({
          id: violation.ruleName,
          path: resource.constructPath ?? '',
        })),
      );
      const acks = acknowledgements(synth().app);

      // Assess
      const covers = (ack: Acknowledgement, finding: { id: string; path: string }): boolean =>
        ack.id === finding.id && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`));
      expect(findings.filter((finding) => !acks.some((ack) => covers(ack, finding)))).toEqual([]);
      expect(acks.filter((ack) => !findings.some((finding) => covers(ack, finding)))).toEqual([]);
    } finally {
      rmSync(bare.outdir, { recursive: true, force: true });
    }
  });
});
