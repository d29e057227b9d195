import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINE_FILE, WORKFLOW_TASKS } from '../../../functions/wiring/tasks.js';
import {
  LOCAL_LAMBDA_ARN_PREFIX,
  localFunctionArn,
  MAX_LOCAL_TIMEOUT_SECONDS,
  placeholderOfArn,
  TIMEOUT_SECONDS_KEY,
  toLocalDefinition,
} from '../../../local/asl-local-definition.js';

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator') as (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const readLifecycle = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8'));

const callbackTask = (extra: Record<string, unknown>) => ({
  StartAt: 'Await',
  States: {
    Await: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: '${AwaitFunctionArn}', Payload: { 'taskToken.$': '$$.Task.Token' } },
      ...extra,
      End: true,
    },
  },
});

describe('Class: LocalWorkflowEngine', () => {
  describe('Function: toLocalDefinition', () => {
    it('replaces every ${Placeholder} with a local Lambda ARN naming it and lists the placeholders', () => {
      // Prepare
      const definition = {
        StartAt: 'One',
        States: {
          One: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: '${FirstFunctionArn}', Payload: { note: 'calls ${SecondFunctionArn}' } },
            Next: 'Two',
          },
          Two: { Type: 'Task', Resource: '${SecondFunctionArn}', End: true },
        },
      };

      // Act
      const local = toLocalDefinition(definition);

      // Assess
      expect(local.placeholders).toEqual(['FirstFunctionArn', 'SecondFunctionArn']);
      expect(local.definition).toMatchObject({
        States: {
          One: {
            Parameters: {
              FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:FirstFunctionArn',
              Payload: { note: `calls ${LOCAL_LAMBDA_ARN_PREFIX}SecondFunctionArn` },
            },
          },
          Two: { Resource: 'arn:aws:lambda:us-east-1:000000000000:function:SecondFunctionArn' },
        },
      });
      expect(local.taskStates).toEqual({
        One: { resource: 'arn:aws:states:::lambda:invoke', functionName: localFunctionArn('FirstFunctionArn') },
        Two: { resource: localFunctionArn('SecondFunctionArn') },
      });
    });

    it('copies TimeoutSecondsPath into Parameters under the private key and points the path at it', () => {
      // Prepare
      const definition = callbackTask({ TimeoutSecondsPath: '$.wait.seconds' });

      // Act
      const local = toLocalDefinition(definition);

      // Assess
      expect(local.definition).toMatchObject({
        States: {
          Await: {
            Parameters: {
              FunctionName: localFunctionArn('AwaitFunctionArn'),
              Payload: { 'taskToken.$': '$$.Task.Token' },
              [`${TIMEOUT_SECONDS_KEY}.$`]: '$.wait.seconds',
            },
            TimeoutSecondsPath: `$.${TIMEOUT_SECONDS_KEY}`,
          },
        },
      });
      expect(local.taskStates.Await).not.toHaveProperty('timeoutSeconds');
    });

    it('gives a callback task without a timeout the longest local timer instead of the library default of 60 s', () => {
      // Act
      const local = toLocalDefinition(callbackTask({}));

      // Assess
      expect(local.taskStates.Await?.timeoutSeconds).toBe(MAX_LOCAL_TIMEOUT_SECONDS);
      expect(MAX_LOCAL_TIMEOUT_SECONDS).toBe(2_147_483);
    });

    it('lowers a static TimeoutSeconds that a Node timer cannot wait for and keeps a shorter one', () => {
      // Act
      const long = toLocalDefinition(callbackTask({ TimeoutSeconds: 99_999_999 }));
      const short = toLocalDefinition(callbackTask({ TimeoutSeconds: 30 }));

      // Assess
      expect(long.taskStates.Await?.timeoutSeconds).toBe(MAX_LOCAL_TIMEOUT_SECONDS);
      expect(short.taskStates.Await?.timeoutSeconds).toBe(30);
    });

    it('catalogues Task and Retry states inside Parallel branches and Map processors', () => {
      // Prepare
      const inner = (name: string) => ({
        StartAt: name,
        States: {
          [name]: {
            Type: 'Task',
            Resource: '${InnerFunctionArn}',
            Retry: [{ ErrorEquals: ['States.ALL'] }],
            End: true,
          },
        },
      });
      const definition = {
        StartAt: 'Fan',
        States: {
          Fan: { Type: 'Parallel', Branches: [inner('InBranch')], Next: 'Each' },
          Each: { Type: 'Map', ItemProcessor: inner('InMap'), Retry: [{ ErrorEquals: ['States.ALL'] }], End: true },
        },
      };

      // Act
      const local = toLocalDefinition(definition);

      // Assess
      expect(Object.keys(local.taskStates)).toEqual(['InBranch', 'InMap']);
      expect(local.retryStateNames).toEqual(['InBranch', 'Each', 'InMap']);
    });

    it('leaves the definition it was given unchanged', () => {
      // Prepare
      const definition = callbackTask({ TimeoutSecondsPath: '$.wait.seconds' });
      const before = structuredClone(definition);

      // Act
      toLocalDefinition(definition);

      // Assess
      expect(definition).toEqual(before);
    });

    it('turns the real case lifecycle into valid ASL with no placeholder left and a handler name for each task', () => {
      // Act
      const local = toLocalDefinition(readLifecycle());

      // Assess
      const text = JSON.stringify(local.definition);
      expect(text).not.toContain('${');
      const validation = aslValidator(structuredClone(local.definition), { checkPaths: true, checkArn: true });
      expect(validation.errorsText('\n')).toBe('');
      expect(validation.isValid).toBe(true);
      const declared = WORKFLOW_TASKS.map((task) => task.arnPlaceholder).sort();
      expect([...local.placeholders].sort()).toEqual(declared);
      expect(local.definition).toMatchObject({
        States: {
          AwaitReviewDecision: {
            TimeoutSecondsPath: `$.${TIMEOUT_SECONDS_KEY}`,
            Parameters: { [`${TIMEOUT_SECONDS_KEY}.$`]: '$.reviewWait.waitSeconds' },
          },
        },
      });
    });
  });

  describe('Function: placeholderOfArn', () => {
    it('returns the placeholder of a local function ARN, ignoring a qualifier, and undefined for any other ARN', () => {
      expect(placeholderOfArn(localFunctionArn('OpenCaseFunctionArn'))).toBe('OpenCaseFunctionArn');
      expect(placeholderOfArn(`${localFunctionArn('OpenCaseFunctionArn')}:live`)).toBe('OpenCaseFunctionArn');
      expect(placeholderOfArn('arn:aws:lambda:eu-west-1:123456789012:function:OpenCase')).toBeUndefined();
    });
  });
});
