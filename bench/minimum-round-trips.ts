/**
 * Stated, not measured: the fewest DynamoDB round trips each API operation needs with the store configuration cached,
 * and why. Printed beside the measured count (bench/round-trips.ts); bench/README.md discusses the gaps. Since the SLA
 * engine, a case's due times change with some actions (first reply, pause, resume, resolution, cancellation); they
 * fit in the action's own transaction, so they add no round trip to any minimum; a resume adds the token read.
 */
export const MINIMUMS: Record<string, { minimum: number; why: string }> = {
  createCase: {
    minimum: 1,
    why: "one TransactWriteItems (idempotency record, case, first event, the customer's counter of the hour, KPI counters, and the claim of a case-number block when the number opens one); store and key cached; a replay is told by the cancellation",
  },
  getCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and timeline)' },
  listCases: { minimum: 1, why: 'one Query on byCustomer' },
  checkEligibility: { minimum: 1, why: 'one Query on byOrder (duplicate check), policy cached' },
  createAttachment: { minimum: 0, why: 'store cached; the upload URL is signed locally' },
  staffQueue: { minimum: 1, why: "one Query of the agent's queue partition; who asks comes from the token" },
  staffCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and full timeline, notes included)' },
  reply: {
    minimum: 3,
    why: 'one Query of the case and its timeline (access, status, the SLA clock), one TransactWriteItems (case + reply event + status event + due times + the notice key), the post-write read that finds the token',
  },
  note: {
    minimum: 2,
    why: 'one read of the case (access), one TransactWriteItems (case + note event); nothing to email or signal',
  },
  statusAwaitingCustomer: {
    minimum: 2,
    why: 'one Query of the case and its timeline (access, status, the reply to quote, the SLA clock), one TransactWriteItems (case + event + due times + notice key); no wait ends on it and a pause only moves SLA steps later, so no token read',
  },
  statusInProgress: {
    minimum: 3,
    why: 'one Query of the case and its timeline (access, status, the SLA clock), one TransactWriteItems (case + event + due times), the post-write token read: resuming restarts the SLA clock, so a wait parked while it stood still may time out later than the next SLA step and must be re-timed',
  },
  resolve: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + due times + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
  },
  assign: {
    minimum: 4,
    why: "one read of the case, one GetItem of the agent, one TransactWriteItems (case + event + the agent's load + notice key), the post-write token read",
  },
  review: {
    minimum: 3,
    why: 'one read (store, status), one TransactWriteItems (decision + event), the post-write token read',
  },
  customerMessage: {
    minimum: 3,
    why: 'one Query of the case and its timeline (store, status: a case awaiting the customer resumes; the SLA clock), one TransactWriteItems (case + message event + due times), the post-write token read: the resumed clock may need the parked wait re-timed',
  },
  cancel: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + due times + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
  },
  listAgents: { minimum: 1, why: "one Query of the store's agent partition" },
};
