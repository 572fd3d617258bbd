import { GraphRequestError } from "../graph/graph-errors.ts";
import { isExpiredDeltaState, streamPages } from "./graph-pages-stream.ts";
import type { DeltaResource } from "./sync-state-store.ts";
import type { TenantSyncContext } from "./tenant-sync-context.ts";

export interface RoundOutcome {
  readonly kind: "full" | "delta";
  /** Objects written or removed. */
  readonly changes: number;
}

type Round = (context: TenantSyncContext, link: string) => Promise<RoundOutcome>;

/** From the stored delta link when there is one; in full when there is none, or Graph no longer holds its state. */
export async function syncRound(context: TenantSyncContext, link: string | null, rounds: { full: (context: TenantSyncContext) => Promise<RoundOutcome>; delta: Round }): Promise<RoundOutcome> {
  if (!link) return rounds.full(context);
  try {
    return await rounds.delta(context, link);
  } catch (error) {
    if (!isExpiredDeltaState(error)) throw error;
    return rounds.full(context);
  }
}

/** Hands each page of a delta round from `path` to `write`, in turn; answers the delta link its last page carries. */
export async function deltaRoundPages<T>(context: TenantSyncContext, resource: DeltaResource, path: string, write: (value: readonly T[]) => Promise<void>): Promise<string> {
  let deltaLink: string | undefined;
  for await (const page of streamPages<T>(context.graph, context.graphUrl, path)) {
    await write(page.value);
    deltaLink = page.deltaLink;
  }
  if (!deltaLink) throw new GraphRequestError(502, "noDeltaLink", `Microsoft Graph ended the ${resource} delta round without a delta link.`, undefined);
  return deltaLink;
}
