// What each part of one tenant's sync works with: the tenant's Graph, and transactions that hold the lease.
import type { Pool, PoolClient } from "pg";
import type { TenantGraph } from "../graph/tenant-graph.ts";
import { inTransaction } from "../store/transaction.ts";
import type { SyncLease, SyncStateStore } from "./sync-state-store.ts";

export interface TenantSyncContext {
  readonly tenantId: string;
  readonly graph: Pick<TenantGraph, "get">;
  /** Graph's base address, e.g. https://graph.microsoft.com: next and delta links must stay below it. */
  readonly graphUrl: string;
  readonly lease: SyncLease;
  readonly states: Pick<SyncStateStore, "saveDeltaLink">;
  /** One transaction that first renews the lease, so that a process that lost it writes nothing. */
  write<T>(work: (tx: PoolClient) => Promise<T>): Promise<T>;
}

export function tenantSyncContext(deps: {
  pool: Pick<Pool, "connect">;
  graph: Pick<TenantGraph, "get">;
  graphUrl: string;
  lease: SyncLease;
  states: Pick<SyncStateStore, "renew" | "saveDeltaLink">;
}): TenantSyncContext {
  return {
    tenantId: deps.lease.tenantId,
    graph: deps.graph,
    graphUrl: deps.graphUrl,
    lease: deps.lease,
    states: deps.states,
    write: (work) =>
      inTransaction(deps.pool, async (tx) => {
        // A crash may lose the last pages written, never a delta link without the pages before it (the
        // log is replayed in order), and a lost link only means those pages are read again: no need to
        // wait for each page to reach the disk.
        await tx.query("SET LOCAL synchronous_commit = off");
        await deps.states.renew(tx, deps.lease);
        return work(tx);
      }),
  };
}
