import type { AuditActor, AuditTarget, JsonObject } from "../audit/audit-entry.ts";

export type ActionRunState = "requested" | "succeeded" | "failed" | "refused";

export interface ActionRunError {
  readonly code: string;
  readonly message: string;
  readonly fix?: string;
  readonly field?: string;
  /** Graph's request id when Graph refused. */
  readonly graphRequestId?: string;
  /** For a refusal: the HTTP status it is answered with. */
  readonly status?: number;
}

/** One run of a write action, as the journal keeps it and the API returns it. */
export interface ActionRun {
  readonly id: string;
  readonly action: string;
  readonly tenantId: string;
  readonly actor: AuditActor;
  readonly idempotencyKey: string;
  readonly state: ActionRunState;
  readonly target: AuditTarget | null;
  readonly inputs: JsonObject;
  readonly before: JsonObject | null;
  readonly after: JsonObject | null;
  readonly result: JsonObject | null;
  readonly warnings: readonly string[];
  readonly error: ActionRunError | null;
  readonly graphRequestIds: readonly string[];
  readonly correlationId: string;
  /** Settled after a crash by reading Graph, not by the process that started it. */
  readonly reconciled: boolean;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}
