import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { checkDependencies } from "./batch-dependencies.ts";
import { parseBatchRequests } from "./batch-request-parser.ts";
import { runBatchSteps } from "./batch-runner.ts";

async function serveBatch(call: GraphCall) {
  const steps = parseBatchRequests(call.request.rawBody);
  checkDependencies(steps);
  return { status: 200, body: { responses: await runBatchSteps(call, steps) } };
}

/**
 * JSON batching. The pattern must stay exactly `/$batch`: the throttling gate does not charge the batch itself,
 * only the requests inside it. The batch needs only a valid token; each request inside is checked on its own.
 */
export function batchRoutes(): GraphRoute[] {
  return [route("POST", "/$batch", serveBatch, "none")];
}
