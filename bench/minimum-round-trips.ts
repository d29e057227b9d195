/**
 * Stated, not measured: the fewest DynamoDB round trips each API operation needs with the store configuration cached,
 * and why. Printed beside the measured count (bench/round-trips.ts); bench/README.md discusses the gaps.
 */
export const MINIMUMS: Record<string, { minimum: number; why: string }> = {
  createCase: {
    minimum: 1,
    why: 'one TransactWriteItems (case, first event, idempotency record); the case number off the hot path',
  },
  getCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and timeline)' },
  listCases: { minimum: 1, why: 'one Query on byCustomer' },
  checkEligibility: { minimum: 1, why: 'one Query on byOrder (duplicate check), policy cached' },
  createAttachment: { minimum: 0, why: 'store cached; the upload URL is signed locally' },
  staffQueue: { minimum: 1, why: "one Query of the agent's queue partition; who asks comes from the token" },
  staffCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and full timeline, notes included)' },
  reply: {
    minimum: 3,
    why: 'one read of the case (access, status), one TransactWriteItems (case + reply event + status event + the notice key), the post-write read that finds the token',
  },
  note: {
    minimum: 2,
    why: 'one read of the case (access), one TransactWriteItems (case + note event); nothing to email or signal',
  },
  statusAwaitingCustomer: {
    minimum: 2,
    why: 'one read (access, status, address for the email), one TransactWriteItems (case + event + notice key); no wait ends on it, so no token read',
  },
  statusInProgress: {
    minimum: 2,
    why: 'one read (access, status), one TransactWriteItems (case + event); no email, no wait ends on it',
  },
  resolve: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
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
    minimum: 2,
    why: 'one read (store, status: a case awaiting the customer resumes), one TransactWriteItems (case + message event); no wait ends on it',
  },
  cancel: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
  },
  listAgents: { minimum: 1, why: "one Query of the store's agent partition" },
};
