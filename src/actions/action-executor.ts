// What each catalog action does when it runs. Reads answer at once; writes go through the runner in
// three steps so that intent is journalled before effect and the effect can be checked afterwards.
import type { AccessDecision } from "../access/operator-access.ts";
import type { TargetAdminRoles, TargetRuleTable } from "../access/target-role-rules.ts";
import type { AuditTarget, JsonObject } from "../audit/audit-entry.ts";
import type { TenantGraph } from "../graph/tenant-graph.ts";
import type { TenantAccess } from "../tenants/tenants-service.ts";

export interface ActionContext {
  readonly tenant: TenantAccess;
  readonly graph: TenantGraph;
  /** The operator running the action, for Microsoft's rules on administrator targets. */
  readonly operator: {
    readonly name: string;
    decideOnTarget(table: TargetRuleTable, target: TargetAdminRoles): AccessDecision;
  };
}

/** The outcome of `prepare`: what will change, on what, and how to recognise afterwards that it did. */
export interface PreparedChange<P> {
  readonly target: AuditTarget;
  /** Stored in the journal for `apply` and `check`; plain JSON and never a secret. */
  readonly plan: P;
  /** The properties the action changes, as they are now. */
  readonly before: JsonObject;
  /** Told to the caller and kept with the outcome (e.g. a synced user's password without writeback). */
  readonly warnings?: readonly string[];
}

export interface AppliedChange {
  /** Kept in the journal and returned on a retry (e.g. the id of a created user). */
  readonly result?: JsonObject;
  /** Returned to the caller once and never stored or logged (a generated password). */
  readonly secret?: JsonObject;
}

/** What Graph shows now: whether the change is in effect, and the changed properties' values. */
export interface CheckedChange {
  readonly applied: boolean;
  readonly after: JsonObject;
  /** When not applied: what differs, for the failure message. */
  readonly difference?: string;
  /** Said with the outcome (e.g. a run settled after a crash whose generated password nobody saw). */
  readonly warnings?: readonly string[];
}

export interface WriteExecutor<I, P> {
  readonly kind: "write";
  /** Reads the target and applies the guards; throws ActionRefused when a rule says no. Makes no change. */
  prepare(context: ActionContext, input: I): Promise<PreparedChange<P>>;
  /** Makes the change. `input` holds what the plan must not (a chosen password). */
  apply(context: ActionContext, plan: P, input: I): Promise<AppliedChange>;
  /** Reads the target back. Also settles runs a crashed process left unfinished, so it needs only the plan. */
  check(context: ActionContext, plan: P, applied: AppliedChange | undefined): Promise<CheckedChange>;
}

export interface ReadExecutor<I> {
  readonly kind: "read";
  read(context: ActionContext, input: I): Promise<unknown>;
}

/** An executor as the runner holds it: input and plan are checked by the action's schema and the journal. */
export type AnyExecutor = WriteExecutor<unknown, unknown> | ReadExecutor<unknown>;

/** Declares the executor of a write action. */
export function writeExecutor<I, P>(executor: Omit<WriteExecutor<I, P>, "kind">): AnyExecutor {
  return { kind: "write", ...executor } as unknown as AnyExecutor;
}

/** Declares the executor of a read action. */
export function readExecutor<I>(read: (context: ActionContext, input: I) => Promise<unknown>): AnyExecutor {
  return { kind: "read", read } as unknown as AnyExecutor;
}
