import { Validations } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/wiring/routes.js';
import { API_LIMITS } from '../../infra/constructs/api.js';
import { WAF_LIMITS } from '../../infra/constructs/rate-limited-web-acl.js';
import { sharedSynth } from './shared-synth.js';
import { asList, logicalIdOf, synthesize, templateOf, type CfnResource, type Synthesized } from './synth.js';

/**
 * The shared app (no WAF) and a variant with `-c waf=true`, synthesized here at module scope (no hook's timeout runs
 * meanwhile); both synthesised with cdk-nag, which throws on a finding.
 */
const plain = await sharedSynth();
const withWaf = synthesize({ skipBundling: true, context: { waf: 'true' } });
afterAll(() => withWaf.cleanup());

const resourcesOf = (synth: Synthesized): Record<string, CfnResource> => templateOf(synth).Resources;
const ofType = (synth: Synthesized, type: string): Array<[string, CfnResource]> =>
  Object.entries(resourcesOf(synth)).filter(([, resource]) => resource.Type === type);

/** Every statement of every identity policy of the template. */
const statements = (synth: Synthesized) =>
  ofType(synth, 'AWS::IAM::Policy').flatMap(
    ([, policy]) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement,
  );

/** The reason of an acknowledgement recorded on the construct at `path` (as test/infra/nag.test.ts reads them). */
const acknowledgedReason = (synth: Synthesized, path: string, id: string): string | undefined => {
  const construct = synth.app.node.findAll().find((candidate) => candidate.node.path === path);
  const reasons = (construct?.node.metadata ?? [])
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .filter(([key]) => key.replace(/^annotation::/i, '') === id)
    .map(([, reason]) => reason);
  return reasons[0];
};

describe('Stack: throttling of the routes without a credential', () => {
  it('gives each public method its own throttling, below the stage limit; the stage keeps its limit', () => {
    const [[, stage]] = ofType(plain, 'AWS::ApiGateway::Stage') as [[string, CfnResource]];
    const settings = stage.Properties.MethodSettings as Array<Record<string, unknown>>;
    const publicRoutes = ROUTES.filter((route) => route.auth === 'public');
    expect(publicRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['GET /survey/{token}', 'POST /survey/{token}', 'GET /v1/openapi.json']),
    );
    for (const route of publicRoutes) {
      // API Gateway's method-setting path: `/` then the resource path with each `/` as `~1`.
      const resourcePath = `/${route.path.replaceAll('/', '~1')}`;
      expect(settings, `${route.method} ${route.path}`).toContainEqual(
        expect.objectContaining({
          HttpMethod: route.method,
          ResourcePath: resourcePath,
          ThrottlingRateLimit: API_LIMITS.publicMethod.rateLimit,
          ThrottlingBurstLimit: API_LIMITS.publicMethod.burstLimit,
        }),
      );
    }
    expect(settings).toContainEqual(
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        ThrottlingRateLimit: API_LIMITS.stage.rateLimit,
        ThrottlingBurstLimit: API_LIMITS.stage.burstLimit,
      }),
    );
    // Every public method together stays well below the stage: anonymous traffic cannot take it all.
    expect(publicRoutes.length * API_LIMITS.publicMethod.rateLimit).toBeLessThan(API_LIMITS.stage.rateLimit);
  });
});

describe('Stack: WAF web ACL (-c waf=true)', () => {
  it('has no web ACL by default, and the acknowledgement of APIG3 says why and what holds instead', () => {
    expect(ofType(plain, 'AWS::WAFv2::WebACL')).toEqual([]);
    const reason = acknowledgedReason(plain, plain.stack.api.restApi.deploymentStage.node.path, 'AwsSolutions-APIG3');
    expect(reason).toContain('-c waf=true');
    expect(reason).toContain('10 MB');
    expect(reason).toContain('64 KB');
    expect(reason).not.toMatch(/API Gateway rejects oversized bodies/);
  });

  it('associates a regional web ACL with a rate-based rule per client IP with the stage; nothing to acknowledge', () => {
    const acls = ofType(withWaf, 'AWS::WAFv2::WebACL');
    expect(acls).toHaveLength(1);
    const [aclId, acl] = acls[0]!;
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    expect(acl.Properties.Rules).toEqual([
      expect.objectContaining({
        Action: { Block: {} },
        Statement: {
          RateBasedStatement: {
            AggregateKeyType: 'IP',
            Limit: WAF_LIMITS.requestsPerIpPer5Minutes,
            EvaluationWindowSec: WAF_LIMITS.windowSeconds,
          },
        },
      }),
    ]);
    const associations = ofType(withWaf, 'AWS::WAFv2::WebACLAssociation');
    expect(associations).toHaveLength(1);
    const association = associations[0]![1].Properties;
    expect(association.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(JSON.stringify(association.ResourceArn)).toContain(logicalIdOf(withWaf.stack.api.restApi.deploymentStage));
    const stagePath = withWaf.stack.api.restApi.deploymentStage.node.path;
    expect(acknowledgedReason(withWaf, stagePath, 'AwsSolutions-APIG3')).toBeUndefined();
  });
});

describe('Stack: what the acknowledgements say holds', () => {
  it('grants no function s3:ListBucket (ATTACHMENT_OBJECTS: no listing)', () => {
    const actions = statements(plain).flatMap((statement) => asList(statement.Action));
    expect(actions).toContain('s3:GetObject');
    expect(actions.filter((action) => /^s3:(ListBucket|List\*|\*)$/.test(action))).toEqual([]);
  });
});
