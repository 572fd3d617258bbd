import { isExpiredDeltaState } from "./graph-pages-stream.ts";
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
