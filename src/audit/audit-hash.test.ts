import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuditRecord } from "./audit-entry.ts";
import { canonicalJson, entryHash, genesisHash } from "./audit-hash.ts";

test("canonical JSON sorts keys at every depth and keeps array order", () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "é" }], c: true } }), '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}');
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

const record: AuditRecord = {
  id: "3f1c2a52-8f5e-4a57-9d43-6f7e8a1b2c3d",
  occurredAt: "2025-01-02T03:04:05.678Z",
  actor: { name: "ops@msp.example", via: "cli" },
  action: "user.resetPassword",
  tenantId: null,
  target: { kind: "user", id: "u1" },
  inputs: {},
  before: null,
  after: null,
  outcome: "requested",
  error: null,
  graphRequestIds: [],
  durationMs: null,
  correlationId: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
};

test("the hash covers every field and the previous hash", () => {
  const base = entryHash(record, genesisHash);
  assert.equal(base.length, 32);
  assert.deepEqual(entryHash({ ...record, actor: { via: "cli", name: "ops@msp.example" } }, genesisHash), base, "key order does not matter");
  assert.notDeepEqual(entryHash({ ...record, outcome: "succeeded" }, genesisHash), base);
  assert.notDeepEqual(entryHash({ ...record, graphRequestIds: ["r1"] }, genesisHash), base);
  assert.notDeepEqual(entryHash(record, Buffer.alloc(32, 1)), base);
});
