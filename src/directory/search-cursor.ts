// The opaque cursor of a search page: where the page ended in the sort order, for which search. A checksum
// catches an edited cursor, and a cursor of another search (other text, filters, sort or order) is refused.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ActionInputError } from "../actions/action-errors.ts";
import type { SortOrder, UserSearchSort } from "./search-query.ts";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const sortKey = z.string().max(2048);

const payloadSchema = z.strictObject({
  sort: z.enum(["displayName", "userPrincipalName", "tenant"]),
  order: z.enum(["asc", "desc"]),
  search: z.string().max(64),
  // displayName and userPrincipalName: [key, tenant id, id]; tenant: [tenant key, tenant id, display name key, id].
  after: z.union([z.tuple([sortKey, uuid, uuid]), z.tuple([sortKey, uuid, sortKey, uuid])]),
});

export type CursorPosition = z.infer<typeof payloadSchema>["after"];

const checksumLength = 12;

function checksum(payload: string): string {
  return createHash("sha256").update(payload).digest("base64url").slice(0, checksumLength);
}

/** What identifies a search apart from its page: the same text and filters give the same fingerprint. */
export function searchFingerprint(search: unknown): string {
  return createHash("sha256").update(JSON.stringify(search)).digest("base64url").slice(0, 22);
}

export function encodeCursor(sort: UserSearchSort, order: SortOrder, search: string, after: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify({ sort, order, search, after })).toString("base64url");
  return `${payload}.${checksum(payload)}`;
}

function refused(reason: string): ActionInputError {
  return new ActionInputError("cursor", `${reason}; pass the nextCursor of the previous page unchanged, or leave it out to start again.`);
}

/** Where the previous page ended; a cursor that was edited or belongs to another search is refused, naming `cursor`. */
export function decodeCursor(cursor: string, sort: UserSearchSort, order: SortOrder, search: string): CursorPosition {
  const [payload, sum, ...rest] = cursor.split(".");
  if (!payload || !sum || rest.length > 0 || checksum(payload) !== sum) throw refused("this is not a cursor Tenantry gave");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw refused("this is not a cursor Tenantry gave");
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) throw refused("this is not a cursor Tenantry gave");
  const { data } = parsed;
  if (data.sort !== sort || data.order !== order || data.search !== search) throw refused("this cursor belongs to another search (other text, filters, sort or order)");
  if ((sort === "tenant") !== (data.after.length === 4)) throw refused("this is not a cursor Tenantry gave");
  return data.after;
}
