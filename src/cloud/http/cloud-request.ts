import type { IncomingHttpHeaders } from "node:http";

export interface CloudRequest {
  readonly method: string;
  readonly url: URL;
  /** Path with each segment percent-decoded once, as Graph resolves keys such as `#EXT#` UPNs. */
  readonly segments: readonly string[];
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly remoteAddress: string;
}

export interface CloudResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as it is (HTML pages); anything else as JSON. */
  readonly body?: unknown;
  /** Destroy the connection instead of answering (fault injection). */
  readonly dropConnection?: boolean;
}

export function header(request: Pick<CloudRequest, "headers">, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function splitPath(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
