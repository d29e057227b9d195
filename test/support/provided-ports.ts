import type { PortName } from '../../functions/capabilities/catalog.js';
import type { PortSource } from '../../functions/capabilities/declared-ports.js';
import { providedDependencies } from '../../functions/commons/dependencies.js';

/** A handler builder's ports in a unit test: whatever the test provided (`provideDependencies`), every port typed. */
export const providedPorts: PortSource<PortName> = {
  get: async () => {
    const dependencies = providedDependencies();
    if (!dependencies) throw new Error('The test provided no dependencies');
    return dependencies;
  },
};
