import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuditEntry } from "./audit-entry.ts";
import { csvCell } from "../common/csv-cell.ts";
import { auditCsvColumns, csvHeader, csvLine, jsonArrayChunks } from "./audit-export.ts";

test("CSV cells are quoted when they hold commas, quotes or line breaks, and formulas are defused", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell("-1+2"), "'-1+2");
  assert.equal(csvCell(-5), "-5");
  assert.equal(csvCell(null), "");
});

const entry: AuditEntry = {
  sequence: 7,
  id: "3f1c2a52-8f5e-4a57-9d43-6f7e8a1b2c3d",
  occurredAt: "2025-01-02T03:04:05.678Z",
  actor: { operatorId: "op-1", name: "Smith, Jo", via: "api" },
  action: "user.update",
  tenantId: "11111111-2222-3333-4444-555555555555",
  target: { kind: "user", id: "u1", display: "=cmd" },
  inputs: { jobTitle: 'He said "boss"' },
  before: { jobTitle: "a" },
  after: { jobTitle: "b" },
  outcome: "succeeded",
  error: null,
  graphRequestIds: ["r1", "r2"],
  durationMs: 12,
  correlationId: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
  previousHash: "00",
  hash: "ff",
};

test("an entry is one CSV line with one cell per column", () => {
  assert.equal(csvHeader().trimEnd().split(",").length, auditCsvColumns.length);
  const line = csvLine(entry);
  assert.ok(line.endsWith("\r\n"));
  assert.ok(line.includes('"Smith, Jo"'));
  assert.ok(line.includes(",'=cmd,"));
  assert.ok(line.includes('"{""jobTitle"":""He said \\""boss\\""""}"'));
  assert.ok(line.includes(",r1 r2,"));
});

test("the JSON array is valid with zero, one or more entries", () => {
  for (const count of [0, 1, 3]) {
    const chunks = jsonArrayChunks();
    const text = chunks.open + Array.from({ length: count }, (_, i) => chunks.item({ ...entry, sequence: i })).join("") + chunks.close();
    assert.deepEqual((JSON.parse(text) as AuditEntry[]).map((e) => e.sequence), Array.from({ length: count }, (_, i) => i));
  }
});
