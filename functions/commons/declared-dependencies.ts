import { UndeclaredCapabilityError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { PORT_GRANTS, PORT_NAMES, type PortName } from '../wiring/capability-flags.js';
import type { Dependencies } from '../ports/dependencies.js';

/** Each port's adapter; absent (or `undefined`) where the function's declaration does not grant the port. */
export type DeclaredPorts = { [P in PortName]?: Dependencies[P] | undefined };

/** Finds a port's adapter when the function uses it, so an adapter swapped meanwhile (local stack, tests) is seen. */
export type AdapterLookup = <P extends PortName>(name: P) => Dependencies[P] | undefined;

/**
 * The dependencies of one function: a port its declaration does not grant throws `UndeclaredCapabilityError`, naming
 * the capability, when the function reaches for it (not when it is merely passed along), so a missing declaration
 * fails the same clear way every time instead of as an adapter missing from the bundle or an IAM denial.
 */
export const declaredDependencies = (adapterOf: AdapterLookup, clock: Clock): Dependencies => {
  const port = <P extends PortName>(name: P): Dependencies[P] => {
    const adapter = adapterOf(name);
    if (adapter === undefined) throw new UndeclaredCapabilityError(PORT_GRANTS[name].capability);
    return adapter;
  };
  // PORT_NAMES is every key of `Dependencies` but the clock (`PortName`), so each port gets its getter.
  return Object.defineProperties(
    { clock },
    Object.fromEntries(PORT_NAMES.map((name) => [name, { enumerable: true, get: () => port(name) }])),
  ) as Dependencies;
};
