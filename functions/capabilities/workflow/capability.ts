import type { CaseWorkflow } from '../../ports/case-workflow.js';

export type { CaseWorkflow };

/** In a declaration: `start` may start case executions; `signal` may complete callback task tokens. */
export interface WorkflowCapability {
  workflow?: ReadonlyArray<'start' | 'signal'>;
}

export interface WorkflowPort {
  workflow: CaseWorkflow;
}

/** `workflow: ['start' | 'signal']`: starts case executions, completes callback task tokens. */
export const workflowGranted = (capabilities: WorkflowCapability): boolean => (capabilities.workflow ?? []).length > 0;
export type GrantedWorkflow<C> = C extends { workflow: readonly [unknown, ...unknown[]] } ? 'workflow' : never;

export const WORKFLOW_ENV = { stateMachineArn: 'STATE_MACHINE_ARN' } as const;
