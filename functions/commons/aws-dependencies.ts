import { MeteredCaseStore } from '../adapters/metered-case-store.js';
import { PowertoolsCaseMetrics } from '../adapters/metrics/powertools-case-metrics.js';
import { systemClock } from '../ports/clock.js';
import { declaredDependencies, type DeclaredPorts } from './declared-dependencies.js';
import type { Dependencies } from '../ports/dependencies.js';
import { metrics } from './metrics.js';

// Compile-time constants, `true` or `false` in each function's bundle (`capabilityDefines`, from its declaration in
// functions/wiring/). Each is written out at its import, never read through a variable: esbuild folds
// `false ? import(...) : undefined` and never bundles that module, so an undeclared service's client is not shipped.
declare const __DECLARES_CASES__: boolean;
declare const __DECLARES_STORES__: boolean;
declare const __DECLARES_AGENTS__: boolean;
declare const __DECLARES_KPIS__: boolean;
declare const __DECLARES_MAILER__: boolean;
declare const __DECLARES_WORKFLOW__: boolean;
declare const __DECLARES_ATTACHMENTS__: boolean;
declare const __DECLARES_SURVEY_LINKS__: boolean;
declare const __DECLARES_WORK_QUEUE__: boolean;
declare const __DECLARES_STOREFRONT_KEYS__: boolean;

/**
 * The AWS adapters of this function, made once per process (on its first call; one client per service): exactly the
 * ports its declaration grants, each reading its configuration now, so a missing variable fails the first call by
 * name. Every other port throws `UndeclaredCapabilityError`.
 */
export const createAwsDependencies = async (): Promise<Dependencies> => {
  if (typeof __DECLARES_CASES__ === 'undefined') {
    throw new Error('AWS dependencies need the capability flags of a function bundle (infra/function-bundling.ts)');
  }
  const [tables, mailer, workflow, attachments, surveyLinks, workQueue, storefrontKeys] = await Promise.all([
    __DECLARES_CASES__ || __DECLARES_STORES__ || __DECLARES_AGENTS__ || __DECLARES_KPIS__
      ? import('./aws-adapters/dynamodb.js').then((module) =>
          module.createTablePorts({
            cases: __DECLARES_CASES__,
            stores: __DECLARES_STORES__,
            agents: __DECLARES_AGENTS__,
            kpis: __DECLARES_KPIS__,
          }),
        )
      : undefined,
    __DECLARES_MAILER__ ? import('./aws-adapters/ses.js').then((module) => module.createMailer()) : undefined,
    __DECLARES_WORKFLOW__
      ? import('./aws-adapters/step-functions.js').then((module) => module.createWorkflow())
      : undefined,
    __DECLARES_ATTACHMENTS__
      ? import('./aws-adapters/s3.js').then((module) => module.createAttachmentStorage())
      : undefined,
    __DECLARES_SURVEY_LINKS__
      ? import('./aws-adapters/survey-links.js').then((module) => module.createSurveyLinks())
      : undefined,
    __DECLARES_WORK_QUEUE__ ? import('./aws-adapters/sqs.js').then((module) => module.createWorkQueue()) : undefined,
    __DECLARES_STOREFRONT_KEYS__
      ? import('./aws-adapters/api-gateway.js').then((module) => module.createStorefrontKeys())
      : undefined,
  ]);
  const adapters: DeclaredPorts = { ...tables, mailer, workflow, attachments, surveyLinks, workQueue, storefrontKeys };
  // Every written case change counts its business metrics (EMF, flushed by the handler builders' `flushMetrics`).
  if (adapters.cases) adapters.cases = new MeteredCaseStore(adapters.cases, new PowertoolsCaseMetrics(metrics));
  return declaredDependencies((name) => adapters[name], systemClock);
};
