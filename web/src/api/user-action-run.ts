// Runs one catalog action from the console and says how it went, as a technician needs it: done, refused
// (why and what to do), bad input (which field) or Graph's failure (with its request id).
import type { z } from "zod";
import type { actionRunSchema } from "../../../src/api/action-routes.ts";
import type { ActionId } from "../../../src/catalog/action-ids.ts";
import { ApiError, api } from "./api-client.ts";

type ActionRun = z.infer<typeof actionRunSchema>;

export interface RunOutcome {
  readonly title: string;
  readonly state: "succeeded" | "requested" | "refused" | "failed" | "invalid";
  readonly message: string;
  readonly fix?: string;
  /** The input field at fault, without the "changes." prefix. */
  readonly field?: string;
  readonly graphRequestId?: string;
  readonly warnings: readonly string[];
}

export interface RunAnswer {
  readonly outcome: RunOutcome;
  /** A generated password: the caller shows it once and keeps it nowhere. */
  readonly secret?: Readonly<Record<string, unknown>>;
}

interface WriteAnswer {
  readonly run: ActionRun;
  readonly replayed: boolean;
  readonly secret?: Record<string, unknown>;
}

const fieldName = (field: string | undefined) => field?.replace(/^(changes|input)\./, "");

function failedOutcome(title: string, error: unknown): RunAnswer {
  if (!(error instanceof ApiError)) return { outcome: { title, state: "failed", message: error instanceof Error ? error.message : String(error), warnings: [] } };
  const body = error.body as Partial<WriteAnswer> & { error?: { graphRequestId?: string } };
  const run = body?.run;
  const graphRequestId = run?.error?.graphRequestId ?? body?.error?.graphRequestId ?? run?.graphRequestIds.at(-1);
  const field = fieldName(run?.error?.field ?? error.detail.field);
  const state = error.status === 400 ? "invalid" : run?.state === "failed" || error.status >= 500 ? "failed" : "refused";
  return {
    outcome: { title, state, message: error.detail.message, ...(error.detail.fix ? { fix: error.detail.fix } : {}), ...(field ? { field } : {}), ...(graphRequestId ? { graphRequestId } : {}), warnings: run?.warnings ?? [] },
    ...(body?.secret ? { secret: body.secret } : {}),
  };
}

/** Whether the change went through (made, or sent and being confirmed). */
export function accepted(outcome: RunOutcome): boolean {
  return outcome.state === "succeeded" || outcome.state === "requested";
}

/** Runs a catalog read action and gives its data. */
export async function readAction<T>(tenant: string, action: ActionId, input: object, signal?: AbortSignal): Promise<T> {
  return (await api<{ data: T }>("POST", `/api/tenants/${encodeURIComponent(tenant)}/actions/${action}`, { body: input, ...(signal ? { signal } : {}) })).data;
}

/** POST /api/tenants/{tenant}/actions/{action} with a new Idempotency-Key for this submit. */
export async function runAction(tenant: string, action: { readonly id: string; readonly title: string }, input: Record<string, unknown>): Promise<RunAnswer> {
  try {
    const answer = await api<WriteAnswer>("POST", `/api/tenants/${encodeURIComponent(tenant)}/actions/${action.id}`, { body: input, headers: { "Idempotency-Key": crypto.randomUUID() } });
    const { run } = answer;
    const message = run.state === "succeeded" ? `${action.title}: done.` : `${action.title}: sent to Microsoft Graph, not yet confirmed; Tenantry settles it shortly.`;
    return { outcome: { title: action.title, state: run.state === "succeeded" ? "succeeded" : "requested", message, warnings: run.warnings }, ...(answer.secret ? { secret: answer.secret } : {}) };
  } catch (error) {
    return failedOutcome(action.title, error);
  }
}
