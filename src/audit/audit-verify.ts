import type { Pool } from "pg";
import { entryHash, genesisHash } from "./audit-hash.ts";
import { type AuditRow, recordOf } from "./audit-rows.ts";

export type ChainBreak = "edited" | "deleted" | "reordered" | "inserted";

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly head: { readonly sequence: number; readonly hash: string } | null }
  | { readonly ok: false; readonly entries: number; readonly firstBadSequence: number; readonly reason: ChainBreak; readonly message: string };

type Query = Pick<Pool, "query">;

/**
 * Walks the chain in sequence order, in batches so that memory stays bounded however long the log is,
 * and stops at the first entry that does not hold: its hash does not match its content (edited), or it
 * does not follow the entry before it (deleted, reordered or inserted, told apart by where its
 * predecessor is). Removing the newest entries leaves a valid shorter chain: compare `head` with one
 * recorded earlier to catch that.
 */
export async function verifyChain(pool: Query, batchSize: number): Promise<VerifyResult> {
  let expectedPrevious = genesisHash;
  let checked = 0;
  let last: AuditRow | undefined;
  for (;;) {
    const { rows } = await pool.query<AuditRow>("SELECT * FROM audit_entries WHERE sequence > $1 ORDER BY sequence LIMIT $2", [last?.sequence ?? "0", batchSize]);
    for (const row of rows) {
      const sequence = Number(row.sequence);
      if (!entryHash(recordOf(row), row.previous_hash).equals(row.hash)) {
        return broken(checked, sequence, "edited", `Entry ${sequence} was changed after it was written: its content no longer matches its hash.`);
      }
      if (!row.previous_hash.equals(expectedPrevious)) {
        const { reason, message } = await whyUnlinked(pool, row, last);
        return broken(checked, sequence, reason, message);
      }
      expectedPrevious = row.hash;
      last = row;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, entries: checked, head: last ? { sequence: Number(last.sequence), hash: last.hash.toString("hex") } : null };
}

function broken(entries: number, firstBadSequence: number, reason: ChainBreak, message: string): VerifyResult {
  return { ok: false, entries, firstBadSequence, reason, message };
}

async function whyUnlinked(pool: Query, row: AuditRow, last: AuditRow | undefined): Promise<{ reason: ChainBreak; message: string }> {
  const sequence = row.sequence;
  const after = last ? `after entry ${last.sequence}` : "at the start of the log";
  if (row.previous_hash.equals(genesisHash)) {
    return { reason: "inserted", message: `Entry ${sequence} claims to be the first of the log but comes ${after}: it was inserted.` };
  }
  const { rows } = await pool.query<{ sequence: string }>("SELECT sequence FROM audit_entries WHERE hash = $1", [row.previous_hash]);
  const predecessor = rows[0]?.sequence;
  if (predecessor === undefined) {
    return { reason: "deleted", message: `The entry that entry ${sequence} follows is missing ${after}: it was deleted or rewritten.` };
  }
  if (Number(predecessor) > Number(sequence)) {
    return { reason: "reordered", message: `Entry ${sequence} follows entry ${predecessor}, which now comes after it: entries were reordered.` };
  }
  return { reason: "inserted", message: `Entry ${sequence} follows entry ${predecessor}, yet other entries now stand between them: entries were inserted.` };
}
