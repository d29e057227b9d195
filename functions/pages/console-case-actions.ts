import { HANDLED_STATUSES, isOpenCase, UNDECIDED_STATUSES, type CaseStatus } from '../domain/case.js';
import { isSupervising, hasRole, type StaffUser } from '../domain/staff.js';
import { ROUTE_ROLES, type StaffRouteName } from '../wiring/route-roles.js';

/**
 * The actions of the console's case page, each the form of one staff API route: the page shows a form only to the
 * roles that route allows, and the console's post refuses the others by the same map (`ROUTE_ROLES`, which `ROUTES`
 * reads too; not the whole route table, which the bundle need not carry), so the page
 * and the API never disagree on who may do what.
 */
export const CONSOLE_CASE_ACTIONS = [
  'reply',
  'note',
  'status',
  'resolve',
  'assign',
  'reclassify',
  'review',
  'approval',
  'revisit',
  'retry',
] as const;
export type ConsoleCaseAction = (typeof CONSOLE_CASE_ACTIONS)[number];

/** The staff API route each action is the form of (its roles, its use case). */
export const ACTION_ROUTES: Readonly<Record<ConsoleCaseAction, StaffRouteName>> = {
  reply: 'replyToCase',
  note: 'addCaseNote',
  status: 'changeCaseStatus',
  resolve: 'resolveCase',
  assign: 'assignCase',
  reclassify: 'reclassifyCase',
  review: 'reviewCase',
  approval: 'decideResolutionApproval',
  revisit: 'completeRevisit',
  retry: 'retryCaseWorkflow',
};

export const isConsoleCaseAction = (value: unknown): value is ConsoleCaseAction =>
  typeof value === 'string' && (CONSOLE_CASE_ACTIONS as readonly string[]).includes(value);

/** Whether the user's roles may take the action: the roles its API route declares. */
export const roleMayTake = (user: Pick<StaffUser, 'roles'>, action: ConsoleCaseAction): boolean =>
  hasRole(user, ...ROUTE_ROLES[ACTION_ROUTES[action]]);

/** What of the case decides which forms make sense now (the use cases still decide, with a 409, on submit). */
export interface ActionState {
  status: CaseStatus;
  assigned: boolean;
  pendingApproval: boolean;
  revisitOpen: boolean;
  workflowFailed: boolean;
}

/**
 * The forms worth showing on a case in this state: the use cases' own preconditions, read from the view, so a form is
 * not offered that could only answer "not now" (a note is always possible; nothing else on a finished case).
 */
const fitsState = (action: ConsoleCaseAction, state: ActionState, user: Pick<StaffUser, 'roles'>): boolean => {
  const handled = HANDLED_STATUSES.includes(state.status);
  switch (action) {
    case 'reply':
      return handled;
    case 'note':
      return true;
    case 'status':
      return state.status === 'in_progress' || state.status === 'awaiting_customer';
    case 'resolve':
      return handled || (state.status === 'open' && isSupervising(user));
    case 'assign':
      return isOpenCase(state.status) && !UNDECIDED_STATUSES.includes(state.status);
    case 'reclassify':
      return state.status === 'open' || handled;
    case 'review':
      return state.status === 'pending_review';
    case 'approval':
      return state.pendingApproval;
    case 'revisit':
      return state.status === 'resolved' && state.revisitOpen;
    case 'retry':
      return state.workflowFailed;
  }
};

/** The actions whose forms the page shows this user on a case in this state, in the page's order. */
export const availableActions = (user: Pick<StaffUser, 'roles'>, state: ActionState): ConsoleCaseAction[] =>
  CONSOLE_CASE_ACTIONS.filter((action) => roleMayTake(user, action) && fitsState(action, state, user));
