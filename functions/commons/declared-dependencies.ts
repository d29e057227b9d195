import { UndeclaredCapabilityError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { PORT_GRANTS, type PortName } from '../wiring/capability-flags.js';
import type { Dependencies } from './dependencies.js';

/** Each port's adapter, or `undefined` where the function's declaration does not grant the port. */
export type DeclaredPorts = { [P in PortName]: Dependencies[P] | undefined };

/**
 * The dependencies of one function: a port its declaration does not grant throws `UndeclaredCapabilityError`, naming
 * the capability, when the function reaches for it (not when it is merely passed along), so a missing declaration
 * fails the same clear way every time instead of as an adapter missing from the bundle or an IAM denial.
 */
export const declaredDependencies = (ports: DeclaredPorts, clock: Clock): Dependencies => {
  const port = <P extends PortName>(name: P): Dependencies[P] => {
    const adapter = ports[name];
    if (adapter === undefined) throw new UndeclaredCapabilityError(PORT_GRANTS[name].capability);
    return adapter;
  };
  return {
    get cases() {
      return port('cases');
    },
    get stores() {
      return port('stores');
    },
    get agents() {
      return port('agents');
    },
    get mailer() {
      return port('mailer');
    },
    get workflow() {
      return port('workflow');
    },
    get attachments() {
      return port('attachments');
    },
    clock,
  };
};
