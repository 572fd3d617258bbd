// The consumers of bulk items, in `tenantry serve` and in every `tenantry worker`: each pg-boss job carries
// one item, run through the action runner as the job's creator. A supervisor gives back the items of
// processes that died and hands pending items to pg-boss (after a pause, a delay, or a lost trigger).
import type PgBoss from "pg-boss";
import type { AccessLoader } from "../../access/access-loader.ts";
import type { OperatorAccess } from "../../access/operator-access.ts";
import type { ActionRunner } from "../../actions/action-runner.ts";
import type { ActionId } from "../../catalog/action-ids.ts";
import { outcomeOfAnswer, outcomeOfError } from "./bulk-item-outcome.ts";
import { type BulkItemMessage, type BulkItemQueue, bulkItemQueue, type ClaimedItem, type ItemOutcome } from "./bulk-item-queue.ts";
import { itemIdempotencyKey } from "./bulk-job.ts";

export interface BulkConsumerOptions {
  /** Items this process runs at once. */
  readonly concurrency: number;
  /** Runs of one item (retries after throttling or an interruption included) before it fails. */
  readonly maxTries: number;
  /** How often the supervisor looks for abandoned and ready items. */
  readonly superviseEveryMs?: number;
}

/** A creator's rights are read again at most this often, so a removed role stops its jobs soon. */
const accessLifetimeMs = 30_000;

export async function startBulkConsumers(
  deps: { boss: PgBoss; queue: BulkItemQueue; runner: Pick<ActionRunner, "run">; accessOf: AccessLoader; instanceId: string; log: (line: string) => void },
  options: BulkConsumerOptions,
) {
  const accessCache = new Map<string, { access: Promise<OperatorAccess>; until: number }>();
  function accessFor(item: ClaimedItem): Promise<OperatorAccess> {
    const key = JSON.stringify(item.principal);
    const cached = accessCache.get(key);
    if (cached && cached.until > Date.now()) return cached.access;
    const access = deps.accessOf(item.principal);
    accessCache.set(key, { access, until: Date.now() + accessLifetimeMs });
    access.catch(() => accessCache.delete(key));
    return access;
  }

  const workerIds: string[] = [];
  /** Wakes this process's idle consumers: items were just queued. */
  const wake = () => {
    for (const id of workerIds) deps.boss.notifyWorker(id);
  };

  async function runItem(item: ClaimedItem): Promise<ItemOutcome> {
    try {
      const answer = await deps.runner.run({
        action: item.action as ActionId,
        tenant: item.tenantId,
        input: item.input,
        actor: { operatorId: item.principal.operatorId, name: item.principal.name, via: "job" },
        access: await accessFor(item),
        idempotencyKey: itemIdempotencyKey(item.jobId, item.id, item.attempt),
      });
      return outcomeOfAnswer(answer, { ...item, maxTries: options.maxTries });
    } catch (error) {
      return outcomeOfError(error, { ...item, maxTries: options.maxTries });
    }
  }

  /** Items in this process's hands: any other item marked as this process's is given back by the supervisor. */
  const inHand = new Set<string>();

  async function consume(queueJobId: string, message: BulkItemMessage): Promise<void> {
    inHand.add(message.itemId);
    try {
      const item = await deps.queue.claim(message.itemId, queueJobId, deps.instanceId);
      if (!item) return;
      const outcome = await runItem(item);
      if (outcome.state === "pending" && outcome.error) deps.log(`bulk job ${item.jobId}: item ${item.id} is tried again later: ${outcome.error.message}`);
      await deps.queue.record(item.id, deps.instanceId, outcome);
      if ((await deps.queue.dispatchTenant(item.tenantId)) > 0) wake();
    } finally {
      inHand.delete(message.itemId);
    }
  }

  await deps.boss.createQueue(bulkItemQueue, { name: bulkItemQueue, expireInSeconds: 15 * 60, retryLimit: 20, retryDelay: 5 });
  for (let i = 0; i < options.concurrency; i++) {
    workerIds.push(
      await deps.boss.work<BulkItemMessage>(bulkItemQueue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await consume(job.id, job.data);
      }),
    );
  }

  let supervising = false;
  async function supervise(): Promise<void> {
    if (supervising) return;
    supervising = true;
    try {
      const reclaimed = await deps.queue.reclaimAbandoned(deps.instanceId, () => inHand);
      if (reclaimed > 0) deps.log(`bulk jobs: ${reclaimed} item(s) of a process that stopped are run again (the first outcome of each is kept)`);
      if ((await deps.queue.dispatchAll()) > 0) wake();
    } catch (error) {
      deps.log(`bulk jobs: supervision failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      supervising = false;
    }
  }
  const timer = setInterval(() => void supervise(), options.superviseEveryMs ?? 2000);
  timer.unref();
  void supervise();

  return {
    /** Hands ready items to pg-boss now (after a job is created, resumed or retried) and wakes the consumers. */
    async dispatch(): Promise<void> {
      if ((await deps.queue.dispatchAll()) > 0) wake();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await deps.boss.offWork(bulkItemQueue);
    },
  };
}

export type BulkConsumers = Awaited<ReturnType<typeof startBulkConsumers>>;
