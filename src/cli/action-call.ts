// Running a catalog action through Tenantry's API from the CLI: the CLI says it is the CLI (for the audit
// log), and each invocation sends an idempotency key: its own, or the one given with --idempotency-key, so
// that repeating an invocation whose answer was lost returns its outcome instead of applying it twice.
import { randomUUID } from "node:crypto";
import { type Command, Option } from "commander";
import type { ActionRun } from "../actions/action-run.ts";
import type { ActionId } from "../catalog/action-ids.ts";
import { apiErrorOf, sendApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";

export interface ActionOptions extends ApiCommandOptions {
  readonly tenant: string;
  readonly idempotencyKey?: string;
}

export interface WriteAnswer {
  readonly status: number;
  readonly run?: ActionRun;
  readonly replayed?: boolean;
  /** A generated password: in this answer only. */
  readonly secret?: Readonly<Record<string, unknown>>;
  readonly error?: { readonly code: string; readonly message: string; readonly fix?: string; readonly field?: string; readonly graphRequestId?: string };
}

/** The API options plus `--tenant`; write commands also take `--idempotency-key`. */
export function withActionOptions(command: Command, kind: "read" | "write"): Command {
  withApiOptions(command).addOption(new Option("--tenant <tenant>", "the customer tenant: its id or one of its domains").makeOptionMandatory());
  if (kind === "write") command.option("--idempotency-key <key>", "reuse the key of an earlier invocation to get its outcome instead of running it again");
  return command;
}

function post(options: ActionOptions, action: ActionId, input: unknown, idempotencyKey?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = { "X-Tenantry-Client": "cli", ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) };
  return sendApi(options, "POST", `/api/tenants/${encodeURIComponent(options.tenant)}/actions/${action}`, input, headers);
}

/** Runs a read action and returns its data; an error answer becomes an ApiError with the message and the fix. */
export async function readAction<T>(options: ActionOptions, action: ActionId, input: object): Promise<T> {
  const { status, body } = await post(options, action, input);
  if (status !== 200) throw apiErrorOf(status, body);
  return body.data as T;
}

/**
 * Runs a write action. Answers with a run (succeeded, refused or failed) are returned for printing;
 * anything else (bad input, unknown tenant) is thrown. `step` tells apart the keys of the several
 * actions one invocation may run (e.g. properties, then phones).
 */
export async function writeAction(options: ActionOptions, action: ActionId, input: object, step?: string): Promise<WriteAnswer> {
  const key = options.idempotencyKey ? `${options.idempotencyKey}${step ? `-${step}` : ""}` : randomUUID();
  const { status, body } = await post(options, action, input, key);
  if (!body.run) throw apiErrorOf(status, body);
  return { status, ...(body as Omit<WriteAnswer, "status">) };
}
