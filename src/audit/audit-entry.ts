export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const auditVias = ["console", "cli", "api", "job"] as const;
export type AuditVia = (typeof auditVias)[number];

export const auditOutcomes = ["requested", "succeeded", "failed", "denied"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Who acted, and through which door. */
export interface AuditActor {
  readonly operatorId?: string;
  readonly name: string;
  readonly via: AuditVia;
}

/** What was acted on: a user, a group, a tenant, ... */
export interface AuditTarget {
  readonly id?: string;
  readonly kind: string;
  readonly display?: string;
}

/** What a caller records; the log adds the id, the time, the redaction and the chain. */
export interface AuditEntryInput {
  readonly actor: AuditActor;
  readonly action: string;
  readonly tenantId?: string | null;
  readonly target?: AuditTarget | null;
  /** Redacted by the log before it is stored. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** The changed properties only; redacted like the inputs. */
  readonly before?: Readonly<Record<string, unknown>> | null;
  readonly after?: Readonly<Record<string, unknown>> | null;
  readonly outcome: AuditOutcome;
  readonly error?: Readonly<Record<string, unknown>> | null;
  readonly graphRequestIds?: readonly string[];
  readonly durationMs?: number | null;
  /** Ties together the entries of one operation (requested, then succeeded or failed); a new one when absent. */
  readonly correlationId?: string;
}

/** The fields the hash covers, as stored. */
export interface AuditRecord {
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly tenantId: string | null;
  readonly target: AuditTarget | null;
  readonly inputs: JsonObject;
  readonly before: JsonObject | null;
  readonly after: JsonObject | null;
  readonly outcome: AuditOutcome;
  readonly error: JsonObject | null;
  readonly graphRequestIds: readonly string[];
  readonly durationMs: number | null;
  readonly correlationId: string;
}

export interface AuditEntry extends AuditRecord {
  readonly sequence: number;
  /** Hex. */
  readonly previousHash: string;
  /** Hex. */
  readonly hash: string;
}
