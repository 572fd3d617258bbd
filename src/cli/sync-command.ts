import { setTimeout as sleep } from "node:timers/promises";
import { type Command, InvalidArgumentError } from "commander";
import type { SyncState } from "../directory/sync-state-store.ts";
import { ApiError, callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

type TenantSyncState = SyncState & { readonly displayName: string | null; readonly defaultDomain: string | null };

interface StatusOptions extends ApiCommandOptions {
  readonly tenant?: string;
}

interface RunOptions extends ApiCommandOptions {
  readonly tenant: string;
  readonly full?: boolean;
  readonly wait?: boolean;
  readonly timeout: number;
}

function condition(state: TenantSyncState): string {
  if (state.runningSince) return "running";
  if (state.lastErrorAt && (!state.lastSuccessAt || state.lastErrorAt > state.lastSuccessAt)) return "failed";
  return state.lastSuccessAt ? "ok" : "never synced";
}

function row(state: TenantSyncState) {
  return {
    tenant: state.defaultDomain ?? state.displayName ?? state.tenantId,
    state: condition(state),
    lastSuccess: state.lastSuccessAt ?? "",
    kind: state.lastKind ?? "",
    seconds: state.lastDurationMs === null ? "" : (state.lastDurationMs / 1000).toFixed(1),
    changes: state.lastChanges ?? "",
    users: state.counts.users,
    deletedUsers: state.counts.deletedUsers,
    groups: state.counts.groups,
    members: state.counts.groupMembers,
    skus: state.counts.skus,
    roleAssignments: state.counts.roleAssignments,
    lastError: state.lastError ? `${state.lastError.step}: ${state.lastError.message}` : "",
  };
}

function details(state: TenantSyncState): string {
  const lines = [`${state.displayName ?? state.defaultDomain ?? state.tenantId} (${state.tenantId}): ${condition(state)}`];
  if (state.runningSince) lines.push(`  running since ${state.runningSince}`);
  if (state.lastSuccessAt) {
    lines.push(`  last success: ${state.lastSuccessAt} (${state.lastKind}, ${((state.lastDurationMs ?? 0) / 1000).toFixed(1)} s, ${state.lastChanges} changes)`);
  }
  if (state.lastFullSyncAt) lines.push(`  last full sync: ${state.lastFullSyncAt}`);
  const c = state.counts;
  lines.push(`  cached: ${c.users} users, ${c.deletedUsers} deleted users, ${c.groups} groups, ${c.groupMembers} memberships, ${c.skus} SKUs, ${c.roleAssignments} role assignments`);
  if (state.lastError) {
    lines.push(`  last error (${state.lastErrorAt}, ${state.lastError.step}): ${state.lastError.message}${state.lastError.graphRequestId ? ` (request id ${state.lastError.graphRequestId})` : ""}`);
    if (state.lastError.fix) lines.push(`  fix: ${state.lastError.fix}`);
  }
  return terminalText(`${lines.join("\n")}\n`);
}

function print(options: ApiCommandOptions, state: TenantSyncState): void {
  process.stdout.write(options.output === "table" ? details(state) : formatRows(options.output, [row(state)], state));
}

/** A sync that started after the request has finished: it succeeded, or it failed after the request. */
function finishedSince(state: TenantSyncState, requestedAt: number): "succeeded" | "failed" | undefined {
  if (state.runningSince) return undefined;
  const succeededAt = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : Number.NaN;
  if (succeededAt - (state.lastDurationMs ?? 0) >= requestedAt && (!state.lastErrorAt || Date.parse(state.lastErrorAt) < succeededAt)) return "succeeded";
  if (state.lastErrorAt && Date.parse(state.lastErrorAt) > requestedAt) return "failed";
  return undefined;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 86_400) throw new InvalidArgumentError("must be a whole number of seconds from 1 to 86400.");
  return n;
}

/** `tenantry sync status|run`: the directory cache's sync state per tenant, and syncs on request. */
export function registerSyncCommand(program: Command): void {
  const sync = program.command("sync").description("The directory cache: its sync state per tenant, and syncs on request");

  withApiOptions(sync.command("status").description("Show the sync state of every tenant you see, or of one").option("--tenant <tenant>", "tenant id or domain")).action(
    async (options: StatusOptions) => {
      if (options.tenant) return print(options, await callApi<TenantSyncState>(options, "GET", `/api/tenants/${encodeURIComponent(options.tenant)}/sync`));
      const { value } = await callApi<{ value: TenantSyncState[] }>(options, "GET", "/api/sync");
      process.stdout.write(formatRows(options.output, value.map(row), value));
    },
  );

  withApiOptions(
    sync
      .command("run")
      .description("Sync a tenant's directory now (only what changed, unless --full)")
      .requiredOption("--tenant <tenant>", "tenant id or domain")
      .option("--full", "read everything again")
      .option("--wait", "wait for the sync to finish and show its outcome")
      .option("--timeout <seconds>", "how long --wait waits", seconds, 600),
  ).action(async (options: RunOptions) => {
    const path = `/api/tenants/${encodeURIComponent(options.tenant)}/sync`;
    const queued = await callApi<{ jobId: string | null; requestedAt: string; state: TenantSyncState }>(options, "POST", path, { full: options.full === true });
    if (!options.wait) {
      process.stdout.write(options.output === "table" ? `Sync of ${options.tenant} queued.\n` : formatRows(options.output, [{ tenant: options.tenant, jobId: queued.jobId ?? "" }], queued));
      return;
    }
    const requestedAt = Date.parse(queued.requestedAt);
    const deadline = Date.now() + options.timeout * 1000;
    for (;;) {
      const state = await callApi<TenantSyncState>(options, "GET", path);
      const finished = finishedSince(state, requestedAt);
      if (finished) {
        print(options, state);
        if (finished === "failed") throw new ApiError(`The sync of ${options.tenant} failed.`);
        return;
      }
      if (Date.now() > deadline) throw new ApiError(`The sync of ${options.tenant} has not finished after ${options.timeout} s; see \`tenantry sync status --tenant ${options.tenant}\`.`);
      await sleep(1000);
    }
  });
}
