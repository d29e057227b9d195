import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The top-level stack a construct is deployed with: its own stack, or the parent of its nested stack. Names built from
 * the stack's name (the usage plan's, the state machine's) are the parent's: a nested stack's own name is generated.
 */
export const deploymentStackOf = (construct: IConstruct): Stack => {
  let stack = Stack.of(construct);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
};
