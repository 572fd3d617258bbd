import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Database, openDatabase } from "../store/database.ts";
import type { AuditEntry, AuditEntryInput } from "./audit-entry.ts";
import { entryHash, genesisHash } from "./audit-hash.ts";
import { type AuditLog, createAuditLog } from "./audit-log.ts";

let dir: string;
let database: Database;
let audit: AuditLog;
const tenantA = "aaaaaaaa-0000-4000-8000-000000000001";
const tenantB = "bbbbbbbb-0000-4000-8000-000000000002";

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-audit-"));
  await chmod(dir, 0o755);
  database = await openDatabase({ dataDir: dir, env: {} });
  // A small batch so that verification crosses batch boundaries.
  audit = createAuditLog({ pool: database.pool, batchSize: 4 });
});
after(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { operatorId: "op-jo", name: "jo@msp.example", via: "cli" },
  action: "user.update",
  tenantId: tenantA,
  target: { kind: "user", id: "user-1", display: "Adele Vance" },
  inputs: { jobTitle: "Engineer" },
  before: { jobTitle: "Intern" },
  after: { jobTitle: "Engineer" },
  outcome: "succeeded",
  graphRequestIds: ["req-1"],
  durationMs: 42,
  ...overrides,
});

const sequences = async () => (await database.pool.query<{ sequence: string }>("SELECT sequence FROM audit_entries ORDER BY sequence")).rows.map((r) => r.sequence);

/** Tampers as a superuser would (trigger off), checks, then puts every row back and the trigger on. */
async function tampered(sql: string, check: () => Promise<void>): Promise<void> {
  const pool = database.pool;
  await pool.query("CREATE TABLE audit_backup AS TABLE audit_entries");
  await pool.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only");
  try {
    await pool.query(sql);
    await check();
  } finally {
    await pool.query("DELETE FROM audit_entries");
    await pool.query("INSERT INTO audit_entries OVERRIDING SYSTEM VALUE SELECT * FROM audit_backup");
    await pool.query("DROP TABLE audit_backup");
    await pool.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
  }
  assert.equal((await audit.verify()).ok, true, "restored");
}

describe("audit log chain", () => {
  test("an empty log verifies", async () => {
    assert.deepEqual(await audit.verify(), { ok: true, entries: 0, head: null });
  });

  test("appended entries are stored redacted and chained: each previous hash is the hash of the entry before", async () => {
    const first = await audit.append(entry({ inputs: { userId: "u1", passwordProfile: { password: "Secret123!" } }, after: { password: "x" } }));
    assert.equal(first.previousHash, genesisHash.toString("hex"));
    assert.deepEqual(first.inputs, { userId: "u1", passwordProfile: "[redacted]" });
    const entries: AuditEntry[] = [first];
    for (let i = 0; i < 9; i++) entries.push(await audit.append(entry({ outcome: i % 2 ? "failed" : "succeeded" })));
    for (let i = 1; i < entries.length; i++) assert.equal(entries[i]!.previousHash, entries[i - 1]!.hash);

    const stored = await database.pool.query<{ inputs: unknown; after: unknown }>("SELECT inputs, after FROM audit_entries WHERE id = $1", [first.id]);
    assert.equal(JSON.stringify(stored.rows).includes("Secret123!"), false);
    assert.deepEqual(stored.rows[0]!.after, { password: "[redacted]" });

    const listed = await audit.list({}, { limit: 500, order: "asc" });
    assert.deepEqual(listed.entries, entries);
    assert.deepEqual(entryHash(listed.entries[3]!, Buffer.from(listed.entries[2]!.hash, "hex")).toString("hex"), listed.entries[3]!.hash);
    assert.deepEqual(await audit.verify(), { ok: true, entries: 10, head: { sequence: entries[9]!.sequence, hash: entries[9]!.hash } });
  });

  test("UPDATE, DELETE and TRUNCATE are refused by the trigger with a clear message", async () => {
    const message = /The audit log is append-only: (UPDATE|DELETE|TRUNCATE) on audit_entries is not allowed/;
    await assert.rejects(database.pool.query("UPDATE audit_entries SET outcome = 'denied'"), message);
    await assert.rejects(database.pool.query("DELETE FROM audit_entries"), message);
    await assert.rejects(database.pool.query("TRUNCATE audit_entries"), message);
    assert.equal((await sequences()).length, 10);
  });

  test("a field changed with SQL: verify names the edited entry", async () => {
    const target = (await sequences())[4]!;
    await tampered(`UPDATE audit_entries SET after = '{"jobTitle": "CEO"}' WHERE sequence = ${target}`, async () => {
      const result = await audit.verify();
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.firstBadSequence, Number(target));
      assert.equal(result.reason, "edited");
      assert.equal(result.entries, 4);
    });
  });

  test("a timestamp or actor changed with SQL is caught too", async () => {
    const target = (await sequences())[0]!;
    await tampered(`UPDATE audit_entries SET occurred_at = occurred_at - interval '1 day' WHERE sequence = ${target}`, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok && result.reason === "edited" && result.firstBadSequence === Number(target));
    });
    await tampered(`UPDATE audit_entries SET actor = jsonb_set(actor, '{name}', '"someone@else"') WHERE sequence = ${target}`, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok && result.reason === "edited");
    });
  });

  test("a middle entry deleted: verify reports a deletion at the entry after it", async () => {
    const all = await sequences();
    await tampered(`DELETE FROM audit_entries WHERE sequence = ${all[5]}`, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok);
      assert.equal(result.reason, "deleted");
      assert.equal(result.firstBadSequence, Number(all[6]));
    });
  });

  test("the first entry deleted: verify reports a deletion", async () => {
    const all = await sequences();
    await tampered(`DELETE FROM audit_entries WHERE sequence = ${all[0]}`, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok && result.reason === "deleted" && result.firstBadSequence === Number(all[1]));
    });
  });

  test("two entries swapped whole (hashes included): verify reports a reordering", async () => {
    const [, , a, b] = await sequences();
    const swap = `DELETE FROM audit_entries WHERE sequence IN (${a}, ${b});
      INSERT INTO audit_entries OVERRIDING SYSTEM VALUE
        SELECT CASE sequence WHEN ${a} THEN ${b} ELSE ${a} END, id, occurred_at, actor, action, tenant_id, target, inputs, before, after,
               outcome, error, graph_request_ids, duration_ms, correlation_id, previous_hash, hash
        FROM audit_backup WHERE sequence IN (${a}, ${b})`;
    await tampered(swap, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok);
      assert.equal(result.reason, "reordered");
      assert.equal(result.firstBadSequence, Number(a));
    });
  });

  test("two entries' contents swapped under their hashes: verify reports an edit", async () => {
    const [, a, b] = await sequences();
    const swap = `UPDATE audit_entries e SET outcome = o.outcome, occurred_at = o.occurred_at, inputs = o.inputs FROM audit_backup o
      WHERE (e.sequence, o.sequence) IN ((${a}, ${b}), (${b}, ${a}))`;
    await tampered(swap, async () => {
      const result = await audit.verify();
      assert.ok(!result.ok && result.reason === "edited" && result.firstBadSequence === Number(a));
    });
  });

  test("a forged entry with a valid hash grafted onto an older entry: verify reports an insertion", async () => {
    const { entries } = await audit.list({}, { limit: 500, order: "asc" });
    const graftedOn = entries[2];
    const forged = { ...graftedOn!, id: randomUUID(), outcome: "succeeded" as const, inputs: { note: "never happened" } };
    const hash = entryHash(forged, Buffer.from(graftedOn!.hash, "hex"));
    const sequence = entries.at(-1)!.sequence + 1000;
    const insert = `ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_one_successor;
      INSERT INTO audit_entries OVERRIDING SYSTEM VALUE
        SELECT ${sequence}, '${forged.id}', occurred_at, actor, action, tenant_id, target, '{"note": "never happened"}', before, after,
               'succeeded', error, graph_request_ids, duration_ms, correlation_id, hash, '\\x${hash.toString("hex")}'::bytea
        FROM audit_entries WHERE sequence = ${graftedOn!.sequence}`;
    try {
      await tampered(insert, async () => {
        const result = await audit.verify();
        assert.ok(!result.ok);
        assert.equal(result.reason, "inserted");
        assert.equal(result.firstBadSequence, sequence);
      });
    } finally {
      await database.pool.query("ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_one_successor UNIQUE (previous_hash)");
    }
  });

  test("50 concurrent appends keep one chain", async () => {
    const before = (await sequences()).length;
    const appended = await Promise.all(Array.from({ length: 50 }, (_, i) => audit.append(entry({ action: "group.addMember", inputs: { n: i } }))));
    assert.equal(new Set(appended.map((e) => e.previousHash)).size, 50);
    const result = await audit.verify();
    assert.ok(result.ok);
    assert.equal(result.entries, before + 50);
  });

  test("an append inside the caller's transaction is rolled back with it and leaves the chain intact", async () => {
    const count = (await sequences()).length;
    const client = await database.pool.connect();
    try {
      await client.query("BEGIN");
      await audit.append(entry({ outcome: "requested" }), client);
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      const kept = await audit.append(entry({ outcome: "requested", correlationId: randomUUID() }), client);
      await client.query("COMMIT");
      assert.equal((await audit.list({ action: "user.update" }, { limit: 1 })).entries[0]?.id, kept.id);
    } finally {
      client.release();
    }
    assert.equal((await sequences()).length, count + 1);
    assert.ok((await audit.verify()).ok);
  });
});

describe("audit list and export", () => {
  let marks: { start: Date; middle: Date };
  before(async () => {
    const start = new Date();
    await audit.append(entry({ tenantId: tenantB, actor: { name: "Kim@MSP.example", via: "console" }, action: "license.assign", target: { kind: "user", id: "kim-target", display: 'Kim "K, the boss"' }, outcome: "denied" }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const middle = new Date();
    await audit.append(entry({ tenantId: tenantB, actor: { operatorId: "op-job", name: "nightly", via: "job" }, action: "license.assign", target: { kind: "group", id: "g-1", display: "=Sales_100%" }, outcome: "failed", error: { code: "Request_ResourceNotFound", message: "gone" } }));
    marks = { start, middle };
  });

  test("filters by tenant, actor name or id, target id or text, action, outcome and time", async () => {
    const actions = async (filters: Parameters<AuditLog["list"]>[0]) => (await audit.list(filters, { limit: 500 })).entries.map((e) => `${e.action}/${e.outcome}`);
    assert.deepEqual(await actions({ tenantId: tenantB }), ["license.assign/failed", "license.assign/denied"]);
    assert.deepEqual(await actions({ actor: "kim@msp.example" }), ["license.assign/denied"]);
    assert.deepEqual(await actions({ actor: "op-job" }), ["license.assign/failed"]);
    assert.deepEqual(await actions({ target: "kim-target" }), ["license.assign/denied"]);
    assert.deepEqual(await actions({ target: "the BOSS" }), ["license.assign/denied"]);
    assert.deepEqual(await actions({ target: "sales_100%" }), ["license.assign/failed"]);
    assert.deepEqual(await actions({ target: "_" }), ["license.assign/failed"], "LIKE wildcards are taken literally");
    assert.deepEqual(await actions({ action: "license.assign", outcome: "denied" }), ["license.assign/denied"]);
    assert.deepEqual(await actions({ tenantId: tenantB, from: marks.middle }), ["license.assign/failed"]);
    assert.deepEqual(await actions({ tenantId: tenantB, to: marks.middle }), ["license.assign/denied"]);
    assert.deepEqual(await actions({ from: new Date(Date.now() + 60_000) }), []);
    assert.ok(marks.start);
  });

  test("keyset paging walks every entry once, newest first or oldest first, at most 500 a page", async () => {
    const all = (await sequences()).map(Number);
    for (const order of ["desc", "asc"] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await audit.list({}, { limit: 7, order, ...(cursor ? { cursor } : {}) });
        assert.ok(page.entries.length <= 7);
        seen.push(...page.entries.map((e) => e.sequence));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, order === "asc" ? all : [...all].reverse());
    }
    assert.equal((await audit.list({}, { limit: 10_000 })).entries.length, Math.min(all.length, 500));
  });

  test("CSV export: a header, one line per entry oldest first, quoted and formula-safe", async () => {
    let text = "";
    for await (const chunk of audit.exportCsv({ tenantId: tenantB })) text += chunk;
    const lines = text.split("\r\n");
    assert.equal(lines.length, 4, "header, two entries, and the final line break");
    assert.ok(lines[0]!.startsWith("sequence,occurredAt,actorName"));
    assert.ok(lines[1]!.includes(',"Kim ""K, the boss""",'));
    assert.ok(lines[2]!.includes(",'=Sales_100%,"));
    assert.ok(lines[2]!.includes('"{""code"":""Request_ResourceNotFound"",""message"":""gone""}"'));
  });

  test("JSON export: an array of whole entries oldest first", async () => {
    let text = "";
    for await (const chunk of audit.exportJson({ tenantId: tenantB })) text += chunk;
    const entries = JSON.parse(text) as AuditEntry[];
    assert.deepEqual(
      entries.map((e) => e.outcome),
      ["denied", "failed"],
    );
    assert.deepEqual(entries[1]!.error, { code: "Request_ResourceNotFound", message: "gone" });
    assert.deepEqual(entries[0]!.actor, { name: "Kim@MSP.example", via: "console" });
  });
});
