import type { AgentDirectory } from '../ports/agent-directory.js';
import type { AttachmentStorage } from '../ports/attachment-storage.js';
import type { CaseStore } from '../ports/case-store.js';
import type { CaseWorkflow } from '../ports/case-workflow.js';
import type { Clock } from '../ports/clock.js';
import type { KpiStore } from '../ports/kpi-store.js';
import type { Mailer } from '../ports/mailer.js';
import type { StoreDirectory } from '../ports/store-directory.js';
import type { StorefrontKeyGateway } from '../ports/storefront-key-gateway.js';
import type { SurveyLinks } from '../ports/survey-links.js';
import type { WorkQueue } from '../ports/work-queue.js';

/** The ports a use case may need. Handlers get them from here; the local stack and tests provide their own. */
export interface Dependencies {
  cases: CaseStore;
  agents: AgentDirectory;
  stores: StoreDirectory;
  kpis: KpiStore;
  mailer: Mailer;
  workflow: CaseWorkflow;
  attachments: AttachmentStorage;
  surveyLinks: SurveyLinks;
  workQueue: WorkQueue;
  storefrontKeys: StorefrontKeyGateway;
  clock: Clock;
}

let provided: Dependencies | undefined;
let awsDefaults: Promise<Dependencies> | undefined;

/** Used by the local stack and tests: every handler in this process then uses these adapters. */
export const provideDependencies = (dependencies: Dependencies): void => {
  provided = dependencies;
};

/** The adapters for this process: the provided ones, or AWS's, built on first use (cold start) and kept. */
export const getDependencies = async (): Promise<Dependencies> => {
  if (provided) return provided;
  awsDefaults ??= import('./aws-dependencies.js').then((module) => module.createAwsDependencies());
  return awsDefaults;
};
