/** An error Microsoft Graph would answer with; the dispatcher wraps it in Graph's error body. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function insufficientPrivileges(): GraphError {
  return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
}

export function badRequest(message: string): GraphError {
  return new GraphError(400, "Request_BadRequest", message);
}

export function segmentNotFound(segment: string): GraphError {
  return new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
}

/** Graph's refusal of a cloud write to an object mastered in on-premises Active Directory (real responses). */
export function onPremisesMastered(): GraphError {
  return badRequest("Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");
}
