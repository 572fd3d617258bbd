import type { AuditTarget } from "../audit/audit-entry.ts";

/**
 * Why an action was not run: a rule of Microsoft's or Tenantry's refused it before any change. Carries
 * the status to answer with, a stable code, a sentence a technician understands and what to do.
 */
export class ActionRefused extends Error {
  readonly status: number;
  readonly code: string;
  readonly fix: string | undefined;
  /** The input field the refusal is about, when there is one. */
  readonly field: string | undefined;
  /** What the action was refused on, when it was read before the refusal. */
  readonly target: AuditTarget | undefined;

  /** Graph's request id, when Graph's answer is the reason. */
  readonly graphRequestId: string | undefined;

  constructor(options: { status?: number; code: string; message: string; fix?: string; field?: string; target?: AuditTarget; graphRequestId?: string }) {
    super(options.message);
    this.target = options.target;
    this.graphRequestId = options.graphRequestId;
    this.status = options.status ?? 422;
    this.code = options.code;
    this.fix = options.fix;
    this.field = options.field;
  }
}

/** The input does not match the action's schema: the field and why. */
export class ActionInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** An idempotency key was reused for another request, or its first run is still going. */
export class IdempotencyConflict extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: 409 | 422, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
