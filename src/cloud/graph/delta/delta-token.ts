import { z } from "zod";
import type { ChangeJournal } from "../../directory/change-journal.ts";
import { GraphError } from "../graph-error.ts";
import { decodeSkipToken, encodeSkipToken } from "../odata/index.ts";

/** Microsoft: delta tokens of directory objects (users, groups...) are valid for seven days. */
export const DIRECTORY_DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export type DeltaResourceName = "users" | "groups";

const id = z.string().max(64);
const selection = {
  /** Selected properties; null: Graph's default set. */
  sel: z.array(z.string().max(128)).max(100).nullable(),
  /** Whether membership changes are tracked (groups). */
  mem: z.boolean(),
};
const scope = { r: z.enum(["users", "groups"]), tid: id };

/** State of a `$deltatoken`: a finished round, up to change `seq`, issued at `t` (cloud clock, ms). */
const deltaTokenState = z.strictObject({ k: z.literal("d"), ...scope, ...selection, seq: z.number().int().nonnegative(), t: z.number() });

/** State of a `$skiptoken`: a round in progress, resumed after object `after` (and member `member` of group `group`). */
const pageTokenState = z.strictObject({
  k: z.literal("p"),
  ...scope,
  ...selection,
  /** Changes after this sequence; null for the first round, which returns every object. */
  from: z.number().int().nonnegative().nullable(),
  to: z.number().int().nonnegative(),
  t: z.number(),
  after: id.optional(),
  group: id.optional(),
  member: id.optional(),
});

export type DeltaTokenState = z.infer<typeof deltaTokenState>;
export type PageTokenState = z.infer<typeof pageTokenState>;

/** Microsoft's answer to a delta link older than its lifetime, or one whose sync state is gone. */
export function syncStateNotFound(): GraphError {
  return new GraphError(400, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
}

export function encodeDeltaToken(state: DeltaTokenState): string {
  return encodeSkipToken(state);
}

export function encodePageToken(state: PageTokenState): string {
  return encodeSkipToken(state);
}

interface Expectation {
  readonly resource: DeltaResourceName;
  readonly tenantId: string;
  readonly journal: ChangeJournal;
  readonly nowMs: number;
  readonly lifetimeMs: number;
}

/**
 * Checks a token against the tenant, resource and journal it is used with. A token that does not decode is refused
 * as Graph refuses a page token it did not issue; one that is too old, or whose changes the journal no longer
 * holds, with `syncStateNotFound`.
 */
function check<T extends DeltaTokenState | PageTokenState>(state: T, since: number | null, upTo: number, expected: Expectation): T {
  if (state.r !== expected.resource || state.tid !== expected.tenantId) throw syncStateNotFound();
  if (expected.nowMs - state.t > expected.lifetimeMs) throw syncStateNotFound();
  if ((since !== null && since < expected.journal.retainedFrom) || upTo > expected.journal.sequence) throw syncStateNotFound();
  return state;
}

export function decodeDeltaToken(token: string, expected: Expectation): DeltaTokenState {
  const parsed = deltaTokenState.safeParse(decodeSkipToken(token));
  if (!parsed.success) throw syncStateNotFound();
  return check(parsed.data, parsed.data.seq, parsed.data.seq, expected);
}

export function decodePageToken(token: string, expected: Expectation): PageTokenState {
  const parsed = pageTokenState.safeParse(decodeSkipToken(token));
  if (!parsed.success) throw syncStateNotFound();
  return check(parsed.data, parsed.data.from, parsed.data.to, expected);
}
