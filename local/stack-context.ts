import { AsyncLocalStorage } from 'node:async_hooks';
import { PORT_NAMES } from '../functions/capabilities/catalog.js';
import { provideDependencies, type Dependencies } from '../functions/commons/dependencies.js';

/**
 * Handlers read their adapters from one process-wide slot (`provideDependencies`). Tests run several local stacks in
 * one process (a second one with other settings beside the first), so the slot holds a router instead: every request
 * and workflow task runs inside its stack's context and sees that stack's adapters. Outside any context (test code,
 * module loading) it is the most recently started stack that is still running.
 */
const current = new AsyncLocalStorage<Dependencies>();
const running: Dependencies[] = [];

const active = (): Dependencies => {
  const dependencies = current.getStore() ?? running.at(-1);
  if (!dependencies) throw new Error('No local stack is running in this process');
  return dependencies;
};

// Every port (`PORT_NAMES`, from the capability modules) and the clock, each read from the active stack at its use.
const router = Object.defineProperties(
  {},
  Object.fromEntries(
    [...PORT_NAMES, 'clock' as const].map((name) => [name, { enumerable: true, get: () => active()[name] }]),
  ),
) as Dependencies;

/** Makes a stack's adapters the ones its handlers see; returns how to withdraw them when the stack stops. */
export const registerStackDependencies = (dependencies: Dependencies): (() => void) => {
  running.push(dependencies);
  provideDependencies(router);
  return () => {
    const index = running.indexOf(dependencies);
    if (index >= 0) running.splice(index, 1);
  };
};

/** Wraps a handler so that it, and everything it awaits, runs with this stack's adapters. */
export const withStackDependencies =
  <A extends unknown[], R>(dependencies: Dependencies, handler: (...args: A) => R) =>
  (...args: A): R =>
    current.run(dependencies, () => handler(...args));
