import type { Capabilities } from '../../wiring/capabilities.js';

export type { CaseWorkflow } from '../../ports/case-workflow.js';

/** `workflow: ['start' | 'signal']`: starts case executions, completes callback task tokens. */
export const workflowGranted = (capabilities: Capabilities): boolean => (capabilities.workflow ?? []).length > 0;
export type GrantedWorkflow<C> = C extends { workflow: readonly [unknown, ...unknown[]] } ? 'workflow' : never;

export const WORKFLOW_ENV = { stateMachineArn: 'STATE_MACHINE_ARN' } as const;
