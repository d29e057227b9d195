import type { Priority, Severity, Urgency } from './case.js';

/** Severity x urgency -> priority; a store may configure its own. */
export type PriorityMatrix = Record<Severity, Record<Urgency, Priority>>;

/** The ITIL impact x urgency grid on four levels: critical+high is P1, minor+low is P4. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  critical: { high: 'P1', medium: 'P2', low: 'P3' },
  major: { high: 'P2', medium: 'P3', low: 'P4' },
  minor: { high: 'P3', medium: 'P4', low: 'P4' },
};

export const priorityOf = (matrix: PriorityMatrix, severity: Severity, urgency: Urgency): Priority =>
  matrix[severity][urgency];
