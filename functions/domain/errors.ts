/**
 * The domain's failures. Each carries the HTTP status it maps to, so one place (the error middleware)
 * turns them into responses; the class name is also the error name the state machine's Retry/Catch match.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  abstract readonly code: string;
  readonly details?: ErrorDetail[];

  constructor(message: string, options?: { cause?: unknown; details?: ErrorDetail[] }) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.details = options?.details;
  }

  toJSON(): { error: { code: string; message: string; details?: ErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export class ValidationError extends DomainError {
  readonly statusCode = 400;
  readonly code = 'validation_failed';
}

export class MalformedJsonError extends DomainError {
  readonly statusCode = 400;
  readonly code = 'malformed_json';
}

export class UnauthenticatedError extends DomainError {
  readonly statusCode = 401;
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly statusCode = 404;
  readonly code = 'not_found';
}

export class StateConflictError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'state_conflict';
}

/** The agent cannot take the case: unavailable, at capacity, or gone. Nothing was written. */
export class AgentUnavailableError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'agent_unavailable';

  constructor(readonly agentId: string) {
    super(`${agentId} is unavailable or has no room for another case`);
  }
}

/**
 * The resolution pays more than the store lets an agent pay without review: it was recorded as the case's pending
 * approval (replacing an earlier one) and a supervisor decides it. Nothing was resolved.
 */
export class ApprovalRequiredError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'approval_required';
}

export class IdempotencyConflictError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'idempotency_conflict';
}

/** The per-case limits of `domain/case-limits.ts`: the limit, its name in `details`. Nothing was written. */
export class CaseLimitReachedError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'case_limit_reached';

  constructor(
    readonly limit: 'customerMessages' | 'attachments',
    readonly max: number,
  ) {
    const what = limit === 'attachments' ? 'attachments (intake and messages together)' : 'customer messages';
    super(`This case has reached its limit of ${max} ${what}`, {
      details: [{ path: limit, message: `At most ${max} ${what} per case` }],
    });
  }
}

/**
 * Files named by a request whose upload S3 has not reported yet (its notification is asynchronous) while it still may:
 * 409 with `Retry-After`, the files in `details`. Nothing was written; the same request may be sent again.
 */
export class UploadPendingError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'upload_pending';

  constructor(
    readonly retryAfterSeconds: number,
    details: ErrorDetail[],
  ) {
    super('An attached file is still being uploaded; retry shortly', { details });
  }
}

export class GoneError extends DomainError {
  readonly statusCode = 410;
  readonly code = 'gone';
}

export class PayloadTooLargeError extends DomainError {
  readonly statusCode = 413;
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly statusCode = 415;
  readonly code = 'unsupported_media_type';
}

export class MethodNotAllowedError extends DomainError {
  readonly statusCode = 405;
  readonly code = 'method_not_allowed';
}

/**
 * Business time that cannot be reached within the horizon of a store's calendar (two years): a stored SLA duration
 * out of bounds (saved before the bounds existed) or a calendar with almost no working time. Fails the one case's step
 * or request (409) at once, where counting on would hold the process for hours; an admin corrects the SLA policy.
 */
export class BusinessTimeHorizonError extends DomainError {
  readonly statusCode = 409;
  readonly code = 'sla_out_of_range';
}

/**
 * Too busy to take the request now: a contended write lost every retry, or AWS throttled us. A 503 with `Retry-After`:
 * the caller may send the same request again after `retryAfterSeconds` (the workflow's own retries match
 * `TransientError`, which the HTTP layer answers with this).
 */
export class ServiceBusyError extends DomainError {
  readonly statusCode = 503;
  readonly code = 'service_busy';

  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`The service is busy; retry in ${retryAfterSeconds} s`, options);
  }
}

/** Past a limit on what one caller may do in a window (new cases per customer and hour): 429 with `Retry-After`. */
export class RateLimitedError extends DomainError {
  readonly statusCode = 429;
  readonly code = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A dependency failed in a way worth retrying (throttling, a timeout); the workflow's Retry matches this name. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/**
 * A transaction was cancelled because another one was writing the same items at that moment: nothing was written, so
 * it is safe to read again and retry at once. Still a `TransientError` by name for the workflow's Retry.
 */
export class WriteConflictError extends TransientError {}

/** A required configuration value is missing: fail fast at cold start, naming it. */
export class MissingConfigError extends Error {
  constructor(variable: string) {
    super(`Missing required configuration: ${variable}`);
    this.name = 'MissingConfigError';
  }
}

/**
 * A function used an adapter its declaration (`functions/wiring/routes.ts`, `tasks.ts`) does not grant: its role may
 * not call the service. The compiler refuses a handler using an ungranted port; this is what remains at run time (a
 * case store write needing a table not declared, the local stack's guard). A wiring mistake: it names the capability.
 */
export class UndeclaredCapabilityError extends Error {
  constructor(readonly capability: string) {
    super(`This function does not declare the capability ${capability}; add it to its route or task declaration`);
    this.name = 'UndeclaredCapabilityError';
  }
}
