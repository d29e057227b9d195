import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';

/**
 * The web ACL's rule: requests per client IP in a 5-minute window before WAF blocks that IP (403) until its rate falls.
 * 6,000 per 5 minutes is 20 requests a second, a store key's own rate limit, so one busy storefront backend is not
 * blocked while one client (with or without a credential) cannot use up the stage's 100 a second.
 */
export const WAF_LIMITS = { requestsPerIpPer5Minutes: 6_000, windowSeconds: 300 } as const;

export interface RateLimitedWebAclProps {
  stage: Stage;
}

/** A WAF v2 web ACL (regional) associated with the API stage: everything allowed but a client IP over its rate. */
export class RateLimitedWebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly association: CfnWebACLAssociation;

  constructor(scope: Construct, id: string, props: RateLimitedWebAclProps) {
    super(scope, id);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'After-sales API: rate limit per client IP',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('after-sales-api'),
      rules: [
        {
          name: 'RatePerClientIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: WAF_LIMITS.requestsPerIpPer5Minutes,
              evaluationWindowSec: WAF_LIMITS.windowSeconds,
            },
          },
          visibilityConfig: visibility('after-sales-api-rate-per-ip'),
        },
      ],
    });
    this.association = new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
