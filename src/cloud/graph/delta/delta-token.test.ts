import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ChangeJournal } from "../../directory/change-journal.ts";
import { GraphError } from "../graph-error.ts";
import { ODataQueryError } from "../odata/index.ts";
import {
  DIRECTORY_DELTA_TOKEN_LIFETIME_MS,
  decodeDeltaToken,
  decodePageToken,
  type DeltaTokenState,
  encodeDeltaToken,
  encodePageToken,
} from "./delta-token.ts";

const tenantId = "7044d079-a695-417d-bc7c-e0c2a80bffb4";
const issuedAt = Date.UTC(2030, 0, 1);

function journalAt(sequence: number): ChangeJournal {
  const journal = new ChangeJournal();
  journal.startTracking();
  for (let i = 0; i < sequence; i++) journal.membership("group", `member-${i}`, "user");
  return journal;
}

function isSyncStateNotFound(error: unknown): boolean {
  return error instanceof GraphError && error.status === 400 && error.code === "syncStateNotFound" && /delta token is expired/.test(error.message);
}

const state: DeltaTokenState = { k: "d", r: "users", tid: tenantId, sel: ["displayName"], mem: false, seq: 3, t: issuedAt };
const expected = (journal: ChangeJournal, nowMs = issuedAt + 1000) => ({ resource: "users" as const, tenantId, journal, nowMs, lifetimeMs: DIRECTORY_DELTA_TOKEN_LIFETIME_MS });

describe("delta tokens", () => {
  test("carry the round's state, $select included, through a URL-safe token", () => {
    const token = encodeDeltaToken(state);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeDeltaToken(token, expected(journalAt(5))), state);
    const page = { k: "p" as const, r: "groups" as const, tid: tenantId, sel: null, mem: true, from: null, to: 5, t: issuedAt, group: "g", member: "m" };
    assert.deepEqual(decodePageToken(encodePageToken(page), { ...expected(journalAt(5)), resource: "groups" }), page);
  });

  test("expire seven days after they were issued, on the cloud's clock", () => {
    const token = encodeDeltaToken(state);
    const journal = journalAt(5);
    assert.doesNotThrow(() => decodeDeltaToken(token, expected(journal, issuedAt + DIRECTORY_DELTA_TOKEN_LIFETIME_MS)));
    assert.throws(() => decodeDeltaToken(token, expected(journal, issuedAt + DIRECTORY_DELTA_TOKEN_LIFETIME_MS + 1)), isSyncStateNotFound);
  });

  test("are refused for another tenant, another resource, or a sequence the journal does not hold", () => {
    const token = encodeDeltaToken(state);
    const journal = journalAt(5);
    assert.throws(() => decodeDeltaToken(token, { ...expected(journal), tenantId: "00000000-0000-0000-0000-000000000000" }), isSyncStateNotFound);
    assert.throws(() => decodeDeltaToken(token, { ...expected(journal), resource: "groups" }), isSyncStateNotFound);
    assert.throws(() => decodeDeltaToken(token, expected(journalAt(2))), isSyncStateNotFound, "a sequence from before a reset");
    assert.throws(() => decodePageToken(token, expected(journal)), isSyncStateNotFound, "a delta token is not a page token");
  });

  test("that were tampered with fail as Graph's page tokens do", () => {
    const token = encodeDeltaToken(state);
    const envelope = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s: string; c: string };
    const forged = Buffer.from(JSON.stringify({ ...envelope, s: envelope.s.replace('"seq":3', '"seq":0') }), "utf8").toString("base64url");
    for (const bad of [forged, token.slice(0, -4), "not-a-token"]) {
      assert.throws(
        () => decodeDeltaToken(bad, expected(journalAt(5))),
        (error: unknown) => error instanceof ODataQueryError && error.status === 400 && error.code === "Directory_ExpiredPageToken",
      );
    }
  });
});
