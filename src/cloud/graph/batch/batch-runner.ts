import type { GraphCall } from "../graph-call.ts";
import type { BatchStep } from "./batch-request-parser.ts";
import { type BatchResponseEntry, failedDependencyEntry, responseEntry } from "./batch-response-entry.ts";
import { subRequest } from "./batch-sub-request.ts";

/**
 * Runs the steps through the whole Graph pipeline, each on its own: authentication, permission check, throttling
 * and faults apply per request. Graph may run a parallel batch concurrently; here every batch runs one request after
 * another in the order given, which satisfies any dependencies (they point backwards) and keeps throttling and audit
 * order reproducible. A request depending on a failed one (status 400 or more, including 424) is not run.
 */
export async function runBatchSteps(call: GraphCall, steps: readonly BatchStep[]): Promise<BatchResponseEntry[]> {
  const statuses = new Map<string, number>();
  const entries: BatchResponseEntry[] = [];
  for (const step of steps) {
    const dependencyFailed = step.dependsOn.some((id) => (statuses.get(id.toLowerCase()) ?? 0) >= 400);
    const entry = dependencyFailed
      ? failedDependencyEntry(step.id, call.request, call.context.now())
      : responseEntry(step.id, await call.dispatch(subRequest(call.request, step)), call.request, call.context.now());
    statuses.set(step.id.toLowerCase(), entry.status);
    entries.push(entry);
  }
  return entries;
}
