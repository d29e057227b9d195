import type { AgentDirectory } from './agent-directory.js';
import type { AttachmentStorage } from './attachment-storage.js';
import type { CaseStore } from './case-store.js';
import type { CaseWorkflow } from './case-workflow.js';
import type { Clock } from './clock.js';
import type { KpiStore } from './kpi-store.js';
import type { Mailer } from './mailer.js';
import type { StoreDirectory } from './store-directory.js';
import type { StorefrontKeyGateway } from './storefront-key-gateway.js';
import type { SurveyLinks } from './survey-links.js';
import type { WorkQueue } from './work-queue.js';

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
