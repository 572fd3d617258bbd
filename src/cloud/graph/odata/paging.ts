import { createHash } from "node:crypto";
import { ODataQueryError } from "./odata-error.ts";

// A token that does not decode, or whose checksum no longer matches its state, is refused the
// way Entra refuses a page token it cannot use.
const INVALID_TOKEN_CODE = "Directory_ExpiredPageToken";
const INVALID_TOKEN_MESSAGE = "The specified page token value has expired and can no longer be included in your request.";

/** Opaque $skiptoken: base64url JSON of the paging state plus a checksum that reveals tampering. */
export function encodeSkipToken(state: object): string {
  const json = JSON.stringify(state);
  return Buffer.from(JSON.stringify({ s: json, c: checksum(json) }), "utf8").toString("base64url");
}

/** Inverse of encodeSkipToken; throws ODataQueryError for anything it did not produce. */
export function decodeSkipToken(token: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalidToken();
  let envelope: unknown;
  try {
    envelope = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalidToken();
  }
  if (envelope === null || typeof envelope !== "object") throw invalidToken();
  const { s, c } = envelope as { s?: unknown; c?: unknown };
  if (typeof s !== "string" || typeof c !== "string" || checksum(s) !== c) throw invalidToken();
  return JSON.parse(s);
}

/**
 * Parses $top. A value that is not a non-negative integer fails as OData does; one outside
 * 1..max fails with Graph's page-size error (999 for directory collections).
 */
export function parseTop(text: string | undefined, max = 999): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new ODataQueryError(
      400,
      "BadRequest",
      `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
    );
  }
  const top = Number(text);
  if (top < 1 || top > max) {
    throw new ODataQueryError(
      400,
      "Request_UnsupportedQuery",
      `Invalid page size specified: '${text}'. Must be between 1 and ${max} inclusive.`,
    );
  }
  return top;
}

function checksum(json: string): string {
  return createHash("sha256").update(json).digest("base64url").slice(0, 16);
}

function invalidToken(): ODataQueryError {
  return new ODataQueryError(400, INVALID_TOKEN_CODE, INVALID_TOKEN_MESSAGE);
}
