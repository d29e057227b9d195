import type { Dependencies } from '../ports/dependencies.js';
import type { Capabilities } from './capabilities.js';

/** The adapters a function can be given (`Dependencies` without the clock), each granted by one capability. */
export type PortName = Exclude<keyof Dependencies, 'clock'>;

interface PortGrant {
  /** The capability as written in a declaration; the error of a function that uses the port without it names it. */
  capability: string;
  /** A compile-time constant: esbuild's `define` replaces it by `true` or `false` in each function's bundle. */
  flag: string;
  isGranted: (capabilities: Capabilities) => boolean;
}

export const PORT_GRANTS: Readonly<Record<PortName, PortGrant>> = {
  cases: {
    capability: 'tables.cases',
    flag: '__DECLARES_CASES__',
    isGranted: (capabilities) => capabilities.tables?.cases !== undefined,
  },
  stores: {
    capability: 'tables.stores',
    flag: '__DECLARES_STORES__',
    isGranted: (capabilities) => capabilities.tables?.stores !== undefined,
  },
  agents: {
    capability: 'tables.agents',
    flag: '__DECLARES_AGENTS__',
    isGranted: (capabilities) => capabilities.tables?.agents !== undefined,
  },
  kpis: {
    capability: 'tables.kpis',
    flag: '__DECLARES_KPIS__',
    isGranted: (capabilities) => capabilities.tables?.kpis !== undefined,
  },
  mailer: {
    capability: 'sendsEmail',
    flag: '__DECLARES_MAILER__',
    isGranted: (capabilities) => capabilities.sendsEmail === true,
  },
  workflow: {
    capability: 'workflow',
    flag: '__DECLARES_WORKFLOW__',
    isGranted: (capabilities) => (capabilities.workflow ?? []).length > 0,
  },
  attachments: {
    capability: 'attachments',
    flag: '__DECLARES_ATTACHMENTS__',
    isGranted: (capabilities) => capabilities.attachments !== undefined,
  },
  surveyLinks: {
    capability: 'surveyLinks',
    flag: '__DECLARES_SURVEY_LINKS__',
    isGranted: (capabilities) => capabilities.surveyLinks === true,
  },
  workQueue: {
    capability: 'enqueuesWork',
    flag: '__DECLARES_WORK_QUEUE__',
    isGranted: (capabilities) => capabilities.enqueuesWork === true,
  },
  storefrontKeys: {
    capability: 'storefrontKeys',
    flag: '__DECLARES_STOREFRONT_KEYS__',
    isGranted: (capabilities) => capabilities.storefrontKeys !== undefined,
  },
};

export const PORT_NAMES = Object.keys(PORT_GRANTS) as PortName[];

/**
 * The esbuild `define` of a function's bundle, from its declared capabilities: each port's flag is `true` or `false`,
 * so `functions/commons/aws-dependencies.ts` folds the other adapters away and their AWS clients are not bundled.
 */
export const capabilityDefines = (capabilities: Capabilities): Record<string, string> =>
  Object.fromEntries(
    PORT_NAMES.map((port) => [PORT_GRANTS[port].flag, String(PORT_GRANTS[port].isGranted(capabilities))]),
  );
