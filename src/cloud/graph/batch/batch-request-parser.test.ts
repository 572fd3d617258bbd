import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GraphError } from "../graph-error.ts";
import { parseBatchRequests } from "./batch-request-parser.ts";

const parse = (payload: unknown) => parseBatchRequests(typeof payload === "string" ? payload : JSON.stringify(payload));

function refusal(payload: unknown): GraphError {
  try {
    parse(payload);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    assert.equal(error.status, 400);
    assert.equal(error.code, "BadRequest");
    return error;
  }
  throw new Error("the batch was accepted but was expected to be refused");
}

const get = (id: string, url = "/users") => ({ id, method: "GET", url });

describe("reading a batch", () => {
  test("URLs relative to the version, with or without a slash, keep their query; methods and header names are normalised", () => {
    const steps = parse({
      requests: [
        { id: "1", method: "get", url: "/users/a@contoso.com?$select=id,displayName" },
        { id: "2", method: "PATCH", url: "users/x", headers: { "Content-Type": "application/json" }, body: { jobTitle: "Lead" }, dependsOn: ["1"] },
      ],
    });
    assert.deepEqual(
      steps.map((s) => [s.id, s.method, s.url]),
      [
        ["1", "GET", "users/a@contoso.com?$select=id,displayName"],
        ["2", "PATCH", "users/x"],
      ],
    );
    assert.deepEqual(steps[1]!.headers, { "content-type": "application/json" });
    assert.deepEqual(steps[1]!.body, { jobTitle: "Lead" });
    assert.deepEqual(steps[1]!.dependsOn, ["1"]);
    assert.equal(steps[0]!.body, undefined);
  });

  test("anything that is not a list of requests with id, method and url is an invalid payload", () => {
    for (const payload of [
      "not json",
      {},
      { requests: [] },
      { requests: {} },
      { requests: [{ id: "1", method: "GET" }] },
      { requests: [{ id: 1, method: "GET", url: "/users" }] },
      { requests: [{ id: "1", url: "/users" }] },
      { requests: [{ ...get("1"), headers: { ConsistencyLevel: 1 } }] },
      { requests: [{ ...get("1"), dependsOn: "0" }] },
    ]) {
      assert.equal(refusal(payload).message, "Invalid batch payload format.", JSON.stringify(payload));
    }
  });

  test("absolute URLs, URLs leaving the version and batches inside the batch are refused", () => {
    for (const url of ["https://graph.microsoft.com/v1.0/users", "//graph.microsoft.com/v1.0/users", "../beta/users", "/$batch"]) {
      assert.equal(refusal({ requests: [get("1", url)] }).message, "Invalid batch payload format.", url);
    }
  });

  test("20 requests are read, 21 are refused", () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i + 1)));
    assert.equal(parse({ requests: requests.slice(0, 20) }).length, 20);
    assert.equal(refusal({ requests }).message, "Number of requests inside batch exceeds the limit.");
  });

  test("ids must be unique without regard to case", () => {
    assert.equal(refusal({ requests: [get("user-a"), get("User-A")] }).message, "Request Id User-A has to be unique in a batch.");
  });

  test("a body needs a Content-Type header and a write needs a body", () => {
    const patch = { id: "p", method: "PATCH", url: "/users/x", body: { jobTitle: "x" } };
    assert.equal(refusal({ requests: [patch] }).message, "Write request id : p does not contain Content-Type header or body.");
    assert.equal(refusal({ requests: [{ ...patch, headers: { ConsistencyLevel: "eventual" } }] }).message, "Write request id : p does not contain Content-Type header or body.");
    const post = { id: "q", method: "POST", url: "/users", headers: { "content-type": "application/json" } };
    assert.equal(refusal({ requests: [post] }).message, "Write request id : q does not contain Content-Type header or body.");
    assert.equal(refusal({ requests: [{ ...get("g"), body: { a: 1 } }] }).message, "Write request id : g does not contain Content-Type header or body.");
    assert.equal(parse({ requests: [{ id: "d", method: "DELETE", url: "/users/x" }, { ...get("n"), body: null }] }).length, 2);
  });
});
