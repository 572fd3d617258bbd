/** Graph answered with an error: its status, code and message as Microsoft gave them, and the request id to quote to support. */
export class GraphRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, requestId: string | undefined) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/**
 * A write got no usable answer (the connection dropped, or Graph answered 5xx): it may or may not have
 * taken effect. Whoever sent it must read the state before trying again.
 */
export class GraphOutcomeUnknown extends Error {
  readonly requestId: string | undefined;

  constructor(message: string, requestId: string | undefined) {
    super(message);
    this.requestId = requestId;
  }
}

interface GraphErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly innerError?: { readonly "request-id"?: string } };
}

export function graphRequestError(status: number, body: unknown, requestId: string | undefined): GraphRequestError {
  const error = (body as GraphErrorBody | null)?.error;
  return new GraphRequestError(status, error?.code ?? `HTTP${status}`, error?.message ?? `Microsoft Graph answered ${status}.`, requestId ?? error?.innerError?.["request-id"]);
}

/** Graph answers JSON; a proxy or gateway in between may not, and its answer becomes an error Graph could have given. */
export function parseGraphBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: "nonJsonAnswer", message: `Microsoft Graph answered with something other than JSON: ${text.slice(0, 200)}` } };
  }
}
