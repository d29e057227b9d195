import type { Clock } from '../ports/clock.js';
import {
  attachmentsGranted,
  type AttachmentsCapability,
  type AttachmentsPort,
  type GrantedAttachments,
} from './attachments/capability.js';
import {
  consoleSessionsGranted,
  type ConsoleSessionsCapability,
  type ConsoleSessionsPort,
  type GrantedConsoleSessions,
} from './console-sessions/capability.js';
import { mailerGranted, type GrantedMailer, type MailerCapability, type MailerPort } from './mailer/capability.js';
import {
  storefrontKeysGranted,
  type GrantedStorefrontKeys,
  type StorefrontKeysCapability,
  type StorefrontKeysPort,
} from './storefront-keys/capability.js';
import {
  surveyLinksGranted,
  type GrantedSurveyLinks,
  type SurveyLinksCapability,
  type SurveyLinksPort,
} from './survey-links/capability.js';
import { tableGranted, type GrantedTables, type TablePorts, type TablesCapability } from './tables/capability.js';
import {
  workQueueGranted,
  type GrantedWorkQueue,
  type WorkQueueCapability,
  type WorkQueuePort,
} from './work-queue/capability.js';
import {
  workflowGranted,
  type GrantedWorkflow,
  type WorkflowCapability,
  type WorkflowPort,
} from './workflow/capability.js';

/**
 * What a function may touch (a route's, task's, schedule's or queue's `capabilities`): one field per capability, named
 * as its port. The CDK stack turns it into variables and least-privilege grants (each capability's `grant.ts`); the
 * handler receives exactly the granted ports (`GrantedPorts`) and imports their AWS adapters (`aws.ts`); the local
 * stack gives each handler only those ports (`local/declared-local-dependencies.ts`).
 */
export type Capabilities = TablesCapability &
  MailerCapability &
  WorkflowCapability &
  AttachmentsCapability &
  SurveyLinksCapability &
  WorkQueueCapability &
  StorefrontKeysCapability &
  ConsoleSessionsCapability;

/** Every port, and the clock. A use case takes only those it uses (`Pick<Dependencies, 'cases' | 'clock'>`). */
export type Dependencies = TablePorts &
  MailerPort &
  WorkflowPort &
  AttachmentsPort &
  SurveyLinksPort &
  WorkQueuePort &
  StorefrontKeysPort &
  ConsoleSessionsPort & { clock: Clock };

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
  consoleSessions: { capability: 'consoleSessions', isGranted: consoleSessionsGranted },
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
  | GrantedStorefrontKeys<C>
  | GrantedConsoleSessions<C>;
