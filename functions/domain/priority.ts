import type { Priority, Severity, Urgency } from './case.js';

/** Severity x urgency -> priority; a store may configure its own. */
export type PriorityMatrix = Record<Severity, Record<Urgency, Priority>>;

/** The ITIL impact x urgency grid on four levels: critical+high is P1, minor+low is P4. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  critical: { high: 'P1', medium: 'P2', low: 'P3' },
  major: { high: 'P2', medium: 'P3', low: 'P4' },
  minor: { high: 'P3', medium: 'P4', low: 'P4' },
};

/**
 * Whether a reclassification lowers the priority (P1 -> P2 is lower: a later P is less urgent). Agents may raise a
 * priority freely; lowering one stops escalation sooner, so only a supervisor or an admin may (see `reclassifyCase`).
 */
export const lowersPriority = (from: Priority | undefined, to: Priority): boolean =>
  from !== undefined && to.localeCompare(from) > 0;

export const priorityOf = (matrix: PriorityMatrix, severity: Severity, urgency: Urgency): Priority =>
  matrix[severity][urgency];
