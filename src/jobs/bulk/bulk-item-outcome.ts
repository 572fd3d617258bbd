// What becomes of an item after one run: done (succeeded, refused, failed) or tried again later. A run that
// Graph throttled or that was interrupted before its change took effect is retried with a new idempotency
// key (its failed run stays in the journal); a run whose outcome is not known yet, or an error before any
// run was journalled, is retried with the same key, which returns or settles the first outcome.
import { ActionInputError, ActionRefused, IdempotencyConflict } from "../../actions/action-errors.ts";
import type { ActionRun, ActionRunError } from "../../actions/action-run.ts";
import type { RunAnswer } from "../../actions/action-runner.ts";
import { TenantsError } from "../../tenants/tenants-service.ts";
import type { ItemOutcome } from "./bulk-item-queue.ts";
import type { BulkItemError } from "./bulk-job.ts";

/** Runs of one item before it is given up as failed, unless configured otherwise. */
export const defaultMaxTries = 8;

function delayAfter(tries: number): number {
  return Math.min(60, 2 ** tries);
}

function itemError(error: ActionRunError): BulkItemError {
  return { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}), ...(error.field ? { field: error.field } : {}) };
}

/** Graph was throttling or unavailable, or Tenantry stopped before the change: nothing of it is in effect. */
function worthAnotherAttempt(run: ActionRun): boolean {
  return run.error?.status === 502 || run.error?.code === "interrupted";
}

interface ItemTries {
  readonly attempt: number;
  readonly tries: number;
  /** Runs allowed in all. */
  readonly maxTries: number;
}

export function outcomeOfAnswer(answer: RunAnswer, item: ItemTries): ItemOutcome {
  if (answer.kind !== "write") return { state: "failed", runId: null, error: { code: "internal", message: "The action answered as a read." } };
  const { run } = answer;
  const error = run.error ? itemError(run.error) : null;
  if (run.state === "succeeded") return { state: "succeeded", runId: run.id, error: null };
  if (run.state === "refused") return { state: "refused", runId: run.id, error };
  const canRetry = item.tries < item.maxTries;
  if (run.state === "requested") {
    if (canRetry) return { state: "pending", attempt: item.attempt, delaySeconds: delayAfter(item.tries), runId: run.id, error: null };
    return { state: "failed", runId: run.id, error: { code: "outcome_unknown", message: "The change was sent but could not be read back; Tenantry settles it from Microsoft Graph, and the run shows the outcome." } };
  }
  if (worthAnotherAttempt(run) && canRetry) return { state: "pending", attempt: item.attempt + 1, delaySeconds: delayAfter(item.tries), runId: run.id, error };
  return { state: "failed", runId: run.id, error };
}

export function outcomeOfError(error: unknown, item: ItemTries): ItemOutcome {
  if (error instanceof ActionInputError) return { state: "refused", runId: null, error: { code: "invalid_input", field: error.field, message: error.message } };
  if (error instanceof TenantsError && error.status < 500) {
    return { state: "refused", runId: null, error: { code: error.status === 404 ? "tenant_not_connected" : "tenant_unavailable", message: error.message, fix: error.fix } };
  }
  if (error instanceof ActionRefused && error.status !== 503) {
    return { state: "refused", runId: null, error: { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}) } };
  }
  if (error instanceof IdempotencyConflict && error.status === 422) return { state: "failed", runId: null, error: { code: error.code, message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  if (item.tries < item.maxTries) return { state: "pending", attempt: item.attempt, delaySeconds: delayAfter(item.tries), runId: null, error: { code: "retrying", message } };
  return { state: "failed", runId: null, error: { code: "gave_up", message: `Tried ${item.tries} times; the last error: ${message}` } };
}
