import type { GraphRequest } from "../tenant-graph.ts";
import { type Outcome, sendBatch, sendOne } from "./graph-transport.ts";

/** Microsoft Graph serves at most 20 requests in one `$batch`. */
export const maxBatchSize = 20;

export interface PackedCall {
  readonly request: GraphRequest;
  readonly accessToken: () => Promise<string>;
  settle(outcome: Outcome): void;
  fail(error: unknown): void;
}

/** Graph refuses a write without a body inside a batch (and an action such as revokeSignInSessions has none). */
function batchable(request: GraphRequest): boolean {
  return request.method === "GET" || request.method === "DELETE" || request.body !== undefined;
}

/** Requests on the same object (`/users/{id}`, `/groups/{id}/members`...) may depend on each other. */
function objectOf(request: GraphRequest): string {
  const segments = (request.path.split("?", 1)[0] ?? "").toLowerCase().split("/").filter(Boolean);
  return segments.slice(0, 2).join("/");
}

/**
 * Packs the requests of one tenant that arrive within `windowMs` into `$batch` requests of up to 20,
 * never two on the same object when one of them writes, with at most `maxInFlight` HTTP requests at a
 * time; while they are all busy, waiting requests fill the next batch.
 */
export function createBatchPacker(deps: {
  base: string;
  windowMs: number;
  maxInFlight: number;
  onHttpRequest: (requestsInside: number) => void;
}) {
  let pending: PackedCall[] = [];
  let flushScheduled = false;
  let inFlight = 0;

  function pick(): PackedCall[] {
    const picked: PackedCall[] = [];
    const rest: PackedCall[] = [];
    const read = new Set<string>();
    const written = new Set<string>();
    const held = new Set<string>();
    for (const call of pending) {
      const object = objectOf(call.request);
      const writes = call.request.method !== "GET";
      const conflict = held.has(object) || written.has(object) || (writes && read.has(object));
      if (picked.length >= maxBatchSize || conflict) {
        // Later requests on the same object keep their order behind this one.
        held.add(object);
        rest.push(call);
        continue;
      }
      picked.push(call);
      (writes ? written : read).add(object);
    }
    pending = rest;
    return picked;
  }

  async function dispatch(calls: readonly PackedCall[]): Promise<void> {
    inFlight++;
    try {
      const token = await calls[0]!.accessToken();
      deps.onHttpRequest(calls.length);
      const outcomes = calls.length === 1 ? [await sendOne(deps.base, token, calls[0]!.request)] : await sendBatch(deps.base, token, calls.map((c) => c.request));
      for (const [index, call] of calls.entries()) call.settle(outcomes[index]!);
    } catch (error) {
      for (const call of calls) call.fail(error);
    } finally {
      inFlight--;
      flush();
    }
  }

  function flush(): void {
    while (pending.length > 0 && inFlight < deps.maxInFlight) void dispatch(pick());
  }

  function flushLater(): void {
    flushScheduled = false;
    flush();
  }

  return {
    submit(call: PackedCall): void {
      if (!batchable(call.request)) {
        void dispatch([call]);
        return;
      }
      pending.push(call);
      if (pending.length >= maxBatchSize) flush();
      else if (!flushScheduled) {
        flushScheduled = true;
        setTimeout(flushLater, deps.windowMs);
      }
    },
  };
}

export type BatchPacker = ReturnType<typeof createBatchPacker>;
