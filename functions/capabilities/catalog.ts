import type { Dependencies } from '../ports/dependencies.js';
import type { Capabilities } from '../wiring/capabilities.js';
import { attachmentsGranted, type GrantedAttachments } from './attachments/capability.js';
import { mailerGranted, type GrantedMailer } from './mailer/capability.js';
import { storefrontKeysGranted, type GrantedStorefrontKeys } from './storefront-keys/capability.js';
import { surveyLinksGranted, type GrantedSurveyLinks } from './survey-links/capability.js';
import { tableGranted, type GrantedTables } from './tables/capability.js';
import { workQueueGranted, type GrantedWorkQueue } from './work-queue/capability.js';
import { workflowGranted, type GrantedWorkflow } from './workflow/capability.js';

/** The ports a function can be given (`Dependencies` but the clock, which every function has). */
export type PortName = Exclude<keyof Dependencies, 'clock'>;

interface PortGrant {
  /** The capability as written in a declaration (`tables.cases`, `mailer`, ...). */
  capability: string;
  isGranted: (capabilities: Capabilities) => boolean;
}

/** Which capability grants each port: one entry per port, from its capability module. */
export const PORT_GRANTS: Readonly<Record<PortName, PortGrant>> = {
  cases: { capability: 'tables.cases', isGranted: tableGranted('cases') },
  stores: { capability: 'tables.stores', isGranted: tableGranted('stores') },
  agents: { capability: 'tables.agents', isGranted: tableGranted('agents') },
  kpis: { capability: 'tables.kpis', isGranted: tableGranted('kpis') },
  mailer: { capability: 'mailer', isGranted: mailerGranted },
  workflow: { capability: 'workflow', isGranted: workflowGranted },
  attachments: { capability: 'attachments', isGranted: attachmentsGranted },
  surveyLinks: { capability: 'surveyLinks', isGranted: surveyLinksGranted },
  workQueue: { capability: 'workQueue', isGranted: workQueueGranted },
  storefrontKeys: { capability: 'storefrontKeys', isGranted: storefrontKeysGranted },
};

export const PORT_NAMES = Object.keys(PORT_GRANTS) as PortName[];

/** The ports a declaration grants, at run time (the local stack, the tests). */
export const grantedPorts = (capabilities: Capabilities): PortName[] =>
  PORT_NAMES.filter((port) => PORT_GRANTS[port].isGranted(capabilities));

/**
 * The ports a declaration grants, for the compiler: a declaration written `as const` says exactly which ports its
 * handler receives, so a handler (or a use case it calls) that needs another port does not compile.
 */
export type GrantedPorts<C> =
  | GrantedTables<C>
  | GrantedMailer<C>
  | GrantedWorkflow<C>
  | GrantedAttachments<C>
  | GrantedSurveyLinks<C>
  | GrantedWorkQueue<C>
  | GrantedStorefrontKeys<C>;
