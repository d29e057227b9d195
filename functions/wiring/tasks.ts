import type { Capabilities } from './capabilities.js';

/**
 * The case workflow's task functions, declared once. Each Task state of `statemachines/case-lifecycle.asl.json`
 * names its function as `${<arnPlaceholder>}`; CDK substitutes the deployed ARN, the local engine dispatches the
 * placeholder to the same handler module.
 */
export interface WorkflowTaskDeclaration {
  name: string;
  /** Handler module under `functions/handlers/tasks/`, without extension; it exports `handler`. */
  handler: string;
  arnPlaceholder: string;
  capabilities: Capabilities;
}

export const STATE_MACHINE_FILE = 'statemachines/case-lifecycle.asl.json';

const DECLARED_TASKS = [
  {
    name: 'autoReview',
    handler: 'auto-review',
    arnPlaceholder: 'AutoReviewFunctionArn',
    // An approved case is opened, classified and assigned in the same step (as `openCase` does after a review).
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
      uploads: 'read',
      mailer: true,
    },
  },
  {
    name: 'openCase',
    handler: 'open-case',
    arnPlaceholder: 'OpenCaseFunctionArn',
    // Opens, classifies and assigns an approved case; the acknowledgement names the agent.
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
      mailer: true,
    },
  },
  {
    name: 'rejectCase',
    handler: 'reject-case',
    arnPlaceholder: 'RejectCaseFunctionArn',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, mailer: true },
  },
  {
    name: 'requestManualReview',
    handler: 'request-manual-review',
    arnPlaceholder: 'RequestManualReviewFunctionArn',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, mailer: true },
  },
  {
    name: 'awaitSignal',
    handler: 'await-signal',
    arnPlaceholder: 'AwaitSignalFunctionArn',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['signal'] },
  },
  {
    name: 'escalateOverdue',
    handler: 'escalate-overdue',
    arnPlaceholder: 'EscalateOverdueFunctionArn',
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'readWrite' },
      mailer: true,
      // A case resolved at the end of a customer wait frees its agent: waiting cases are assigned and signalled.
      workflow: ['signal'],
    },
  },
  {
    name: 'followUpCase',
    handler: 'follow-up-case',
    arnPlaceholder: 'FollowUpCaseFunctionArn',
    // Survey email (signed link), its reminder and expiry, the revisit task (the agent emailed, supervisors once it is
    // overdue), and closing.
    capabilities: {
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'read' },
      mailer: true,
      surveyLinks: true,
    },
  },
  {
    name: 'recordWorkflowFailure',
    handler: 'record-workflow-failure',
    arnPlaceholder: 'RecordWorkflowFailureFunctionArn',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' } },
  },
] as const satisfies readonly WorkflowTaskDeclaration[];

export const WORKFLOW_TASKS: readonly WorkflowTaskDeclaration[] = DECLARED_TASKS;

/** Each task as written, its capabilities as literal types (`GrantedPorts` reads them). */
export type DeclaredTask = (typeof DECLARED_TASKS)[number];
