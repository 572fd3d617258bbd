import type PgBoss from "pg-boss";
import type { ActionReconciler } from "../actions/action-reconciler.ts";

export const orphanSettlingQueue = "actions-settle-orphans";

/**
 * Every minute: runs left between intent and outcome by a process that died are settled from Graph.
 * At start, serve settles its predecessor's at once; this catches processes that die while others live.
 */
export async function startOrphanSettling(deps: { boss: PgBoss; reconciler: Pick<ActionReconciler, "settleOrphans">; log: (line: string) => void }) {
  await deps.boss.createQueue(orphanSettlingQueue);
  await deps.boss.schedule(orphanSettlingQueue, "* * * * *", {});
  await deps.boss.work(orphanSettlingQueue, async () => {
    const settled = await deps.reconciler.settleOrphans();
    if (settled > 0) deps.log(`settled ${settled} interrupted action run(s) from Microsoft Graph`);
  });
}
