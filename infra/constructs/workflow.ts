import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { STATE_MACHINE_FILE, WORKFLOW_TASKS } from '../../functions/wiring/tasks.js';
import { pascal, REPO_ROOT } from '../config.js';
import { bindCapabilities, FUNCTION_DEFAULTS, ServiceFunction, type CapabilityResources } from './service-function.js';

export interface WorkflowProps {
  resources: Omit<CapabilityResources, 'stateMachineArn'>;
  /** Where the task functions are created: the background nested stack (`function-stacks.ts`). */
  functionScope: Construct;
}

export const STATE_MACHINE_PATH = join(REPO_ROOT, STATE_MACHINE_FILE);

/** The `${Name}` placeholders of an ASL document, in order of first appearance. */
export const aslPlaceholders = (asl: string): string[] => [
  ...new Set([...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '')),
];

/**
 * The case lifecycle: one function per declared workflow task (in the background nested stack) and the Standard state
 * machine deployed from the ASL file in `statemachines/`, each `${<arnPlaceholder>}` substituted with its task
 * function's ARN.
 *
 * Logging: level ALL without execution data. Every state transition reaches CloudWatch Logs (queryable across cases with
 * Logs Insights, alarms on failures), while inputs and outputs, which carry customer data, stay in the execution
 * history only (kept 90 days by Step Functions, access-controlled by IAM).
 */
export class Workflow extends Construct {
  /** The state machine's fixed name in `stack`. */
  static nameOf(stack: Stack): string {
    return `${stack.stackName}-case-lifecycle`;
  }

  /** Its ARN, built from the name: known before the state machine (and its task functions) exist. */
  static arnOf(stack: Stack): string {
    return stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: Workflow.nameOf(stack),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  readonly stateMachineName: string;
  /** Built from the fixed name so task functions can receive it without a reference cycle. */
  readonly stateMachineArn: string;
  readonly stateMachine: StateMachine;
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    this.stateMachineName = Workflow.nameOf(Stack.of(this));
    this.stateMachineArn = Workflow.arnOf(Stack.of(this));

    const placeholders = aslPlaceholders(readFileSync(STATE_MACHINE_PATH, 'utf8'));
    const declared = WORKFLOW_TASKS.map((task) => task.arnPlaceholder);
    const undeclared = placeholders.filter((placeholder) => !declared.includes(placeholder));
    const unused = declared.filter((placeholder) => !placeholders.includes(placeholder));
    if (undeclared.length > 0 || unused.length > 0) {
      throw new Error(
        `${STATE_MACHINE_FILE} and WORKFLOW_TASKS disagree: placeholders without a task [${undeclared.join(', ')}], tasks not in the file [${unused.join(', ')}]`,
      );
    }

    const functions = new Map<string, ServiceFunction>();
    const substitutions: Record<string, string> = {};
    for (const task of WORKFLOW_TASKS) {
      const fn = new ServiceFunction(props.functionScope, `${pascal(task.name)}Task`, {
        kind: 'task',
        handler: task.handler,
        description: `Case workflow task ${task.name} (${task.handler})`,
        capabilities: task.capabilities,
      });
      bindCapabilities(fn, { ...props.resources, stateMachineArn: this.stateMachineArn });
      functions.set(task.name, fn);
      substitutions[task.arnPlaceholder] = fn.functionArn;
    }
    this.functions = functions;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: FUNCTION_DEFAULTS.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stateMachine = new StateMachine(this, 'CaseLifecycle', {
      stateMachineName: this.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(STATE_MACHINE_PATH),
      definitionSubstitutions: substitutions,
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });

    // The Task states call the unqualified function ARNs: invoke on exactly those, no `:*` version wildcard.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...functions.values()].map((fn) => fn.functionArn),
      }),
    );
  }
}
