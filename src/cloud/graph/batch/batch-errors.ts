import { GraphError } from "../graph-error.ts";

/*
 * The errors Microsoft Graph answers a whole `$batch` with: status 400, code BadRequest, worded as the live service
 * words them (messages quoted from its responses in issues of Microsoft's Graph SDK and documentation repositories).
 */

export function invalidBatchPayload(): GraphError {
  return new GraphError(400, "BadRequest", "Invalid batch payload format.");
}

export function tooManyRequestsInBatch(): GraphError {
  return new GraphError(400, "BadRequest", "Number of requests inside batch exceeds the limit.");
}

export function duplicateRequestId(id: string): GraphError {
  return new GraphError(400, "BadRequest", `Request Id ${id} has to be unique in a batch.`);
}

export function writeWithoutContent(id: string): GraphError {
  return new GraphError(400, "BadRequest", `Write request id : ${id} does not contain Content-Type header or body.`);
}

/** Reports quote this message only up to "request Id"; the id and full stop complete it as the other messages are. */
export function invalidDependency(id: string): GraphError {
  return new GraphError(400, "BadRequest", `Invalid dependency for request Id ${id}.`);
}

export function mixedSequentialAndParallel(): GraphError {
  return new GraphError(400, "BadRequest", "Batch should be either fully sequential or fully parallel.");
}
