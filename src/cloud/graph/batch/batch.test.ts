import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BatchRequestContent, BatchResponseContent, type Client } from "@microsoft/microsoft-graph-client";
import { appToken, type ControlApi, controlApi, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

interface GraphErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly innerError: Readonly<Record<string, string>> };
}

interface BatchEntry {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Readonly<Record<string, unknown>> & Partial<GraphErrorBody>;
}

interface BatchAnswer {
  readonly status: number;
  readonly requestId: string | null;
  readonly responses: readonly BatchEntry[];
  readonly error?: GraphErrorBody["error"];
}

const missingUser = "00000000-0000-0000-0000-000000000000";

let cloud: LocalCloud;
let control: ControlApi;
let writer: { tenantId: string; domain: string; graph: Client; token: string };
let users = 0;

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  control = controlApi(cloud);
  const t = await tenantWithApp(cloud, control, { permissions: ["User.ReadWrite.All"], syncedShare: 0 });
  writer = { ...t, token: await appToken(cloud, t.tenantId, t.appId, t.clientSecret) };
});
after(() => cloud.stop());

/** A new cloud-only user without roles, so that any app with a user write permission may change it. */
async function newUser(graph: Client, domain: string): Promise<string> {
  const name = `batch.user${++users}`;
  const user = await graph.api("/users").post({
    accountEnabled: true,
    displayName: `Batch user ${users}`,
    mailNickname: name,
    userPrincipalName: `${name}@${domain}`,
    passwordProfile: { password: "Str0ng!Passw0rd-9", forceChangePasswordNextSignIn: true },
  });
  return user.id as string;
}

async function jobTitle(userId: string): Promise<string | null> {
  return (await writer.graph.api(`/users/${userId}`).select("jobTitle").get()).jobTitle;
}

async function postBatch(token: string | undefined, payload: unknown, headers: Record<string, string> = {}): Promise<BatchAnswer> {
  const response = await fetch(`${cloud.url}/v1.0/$batch`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  const body = (await response.json()) as { responses?: BatchEntry[]; error?: GraphErrorBody["error"] };
  return { status: response.status, requestId: response.headers.get("request-id"), responses: body.responses ?? [], ...(body.error ? { error: body.error } : {}) };
}

/** Asserts that Graph refused the whole batch with 400 BadRequest and this message, in its usual error shape. */
function assertRefused(answer: BatchAnswer, message: string): void {
  assert.equal(answer.status, 400, JSON.stringify(answer));
  assert.equal(answer.error?.code, "BadRequest");
  assert.equal(answer.error?.message, message);
  assert.equal(answer.error?.innerError["request-id"], answer.requestId);
}

/** A request for the SDK's batch content; it keeps the path after the host, so the version is left out. */
function sdkRequest(path: string, init?: RequestInit): Request {
  return new Request(`${cloud.url}${path}`, init);
}

const patchJson = (body: unknown): RequestInit => ({ method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function sendWithSdk(graph: Client, content: BatchRequestContent): Promise<BatchResponseContent> {
  return new BatchResponseContent(await graph.api("/$batch").post(await content.getContent()));
}

describe("the size and shape of a batch", () => {
  test("20 requests are served with one entry each; 21 are refused with Graph's message", async () => {
    const userId = await newUser(writer.graph, writer.domain);
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: `r${i + 1}`, method: "GET", url: `/users/${userId}?$select=id` }));
    const served = await postBatch(writer.token, { requests: requests.slice(0, 20) }, { "client-request-id": "batch-correlation-1" });
    assert.equal(served.status, 200);
    assert.deepEqual(served.responses.map((r) => r.id).sort(), requests.slice(0, 20).map((r) => r.id).sort());
    for (const entry of served.responses) {
      assert.equal(entry.status, 200);
      assert.equal(entry.body?.id, userId);
      assert.equal(entry.headers["client-request-id"], "batch-correlation-1");
    }
    assertRefused(await postBatch(writer.token, { requests }), "Number of requests inside batch exceeds the limit.");
  });

  test("ids differing only in case, or a body without headers, refuse the whole batch and nothing runs", async () => {
    const userId = await newUser(writer.graph, writer.domain);
    const patch = { method: "PATCH", url: `/users/${userId}`, headers: { "Content-Type": "application/json" }, body: { jobTitle: "Should not run" } };
    assertRefused(await postBatch(writer.token, { requests: [{ id: "update", ...patch }, { id: "Update", method: "GET", url: `/users/${userId}` }] }), "Request Id Update has to be unique in a batch.");
    assertRefused(
      await postBatch(writer.token, { requests: [{ id: "1", method: "PATCH", url: `/users/${userId}`, body: { jobTitle: "Should not run" } }] }),
      "Write request id : 1 does not contain Content-Type header or body.",
    );
    assert.equal(await jobTitle(userId), null);
  });

  test("malformed payloads, absolute URLs and invalid or mixed dependencies are refused as Graph refuses them", async () => {
    const get = (id: string, extra: Record<string, unknown> = {}) => ({ id, method: "GET", url: "/organization", ...extra });
    assertRefused(await postBatch(writer.token, "{ not json"), "Invalid batch payload format.");
    assertRefused(await postBatch(writer.token, { value: [get("1")] }), "Invalid batch payload format.");
    assertRefused(await postBatch(writer.token, { requests: [get("1", { url: `${cloud.url}/v1.0/organization` })] }), "Invalid batch payload format.");
    assertRefused(await postBatch(writer.token, { requests: [get("1"), get("2", { dependsOn: ["3"] }), get("3")] }), "Invalid dependency for request Id 2.");
    assertRefused(await postBatch(writer.token, { requests: [get("1"), get("2", { dependsOn: ["1"] }), get("3")] }), "Batch should be either fully sequential or fully parallel.");
  });

  test("the batch needs a valid token of its own", async () => {
    const answer = await postBatch(undefined, { requests: [{ id: "1", method: "GET", url: "/organization" }] });
    assert.equal(answer.status, 401);
    assert.equal(answer.error?.code, "InvalidAuthenticationToken");
  });
});

describe("running the requests", () => {
  test("GET and PATCH in one batch (official SDK) each get their own status, headers and body", async () => {
    const userId = await newUser(writer.graph, writer.domain);
    const content = new BatchRequestContent([
      { id: "read", request: sdkRequest(`/users/${userId}?$select=displayName,userPrincipalName`) },
      { id: "update", request: sdkRequest(`/users/${userId}`, patchJson({ jobTitle: "Batched" })) },
      { id: "count", request: sdkRequest("/users?$count=true&$filter=accountEnabled ne false&$select=id&$top=1", { headers: { ConsistencyLevel: "eventual" } }) },
      { id: "missing", request: sdkRequest(`/users/${missingUser}`) },
    ]);
    const batch = await sendWithSdk(writer.graph, content);

    const read = batch.getResponseById("read")!;
    assert.equal(read.status, 200);
    assert.match(read.headers.get("Content-Type") ?? "", /^application\/json/);
    assert.match(read.headers.get("request-id") ?? "", /^[0-9a-f-]{36}$/);
    assert.equal((await read.json()).userPrincipalName, `batch.user${users}@${writer.domain}`);

    const update = batch.getResponseById("update")!;
    assert.equal(update.status, 204);
    assert.equal(await update.text(), "");

    const count = await batch.getResponseById("count")!.json();
    assert.ok(count["@odata.count"] >= 1, JSON.stringify(count));
    assert.equal(count.value.length, 1);

    const missing = batch.getResponseById("missing")!;
    assert.equal(missing.status, 404);
    const error = (await missing.json()) as GraphErrorBody;
    assert.equal(error.error.code, "Request_ResourceNotFound");
    assert.match(error.error.innerError["request-id"] ?? "", /^[0-9a-f-]{36}$/);

    assert.equal(await jobTitle(userId), "Batched");
  });

  test("dependants of a failed request get 424 and are not run; a chain that succeeds runs in order", async () => {
    const userId = await newUser(writer.graph, writer.domain);
    const failing = await sendWithSdk(
      writer.graph,
      new BatchRequestContent([
        { id: "1", request: sdkRequest(`/users/${missingUser}`) },
        { id: "2", request: sdkRequest(`/users/${userId}`, patchJson({ jobTitle: "Never" })), dependsOn: ["1"] },
        { id: "3", request: sdkRequest(`/users/${userId}?$select=jobTitle`), dependsOn: ["2"] },
      ]),
    );
    assert.deepEqual(["1", "2", "3"].map((id) => failing.getResponseById(id)?.status), [404, 424, 424]);
    const dependant = (await failing.getResponseById("2")!.json()) as GraphErrorBody;
    assert.equal(dependant.error.code, "FailedDependency");
    assert.equal(await jobTitle(userId), null);

    const chained = await postBatch(writer.token, {
      requests: [
        { id: "set", method: "PATCH", url: `users/${userId}`, headers: { "Content-Type": "application/json" }, body: { jobTitle: "Chained" } },
        { id: "check", method: "GET", url: `users/${userId}?$select=jobTitle`, dependsOn: ["SET"] },
      ],
    });
    assert.deepEqual(chained.responses.map((r) => [r.id, r.status, r.body?.jobTitle]), [["set", 204, undefined], ["check", 200, "Chained"]]);
  });

  test("a request the app has no permission for gets its own 403 while the others succeed", async () => {
    const userId = await newUser(writer.graph, writer.domain);
    const reader = await tenantWithApp(cloud, control, { permissions: ["User.Read.All"] });
    const readerToken = await appToken(cloud, reader.tenantId, reader.appId, reader.clientSecret);
    const readerUser = (await reader.graph.api("/users").select("id").top(1).get()).value[0].id as string;
    const answer = await postBatch(readerToken, {
      requests: [
        { id: "read", method: "GET", url: `/users/${readerUser}` },
        { id: "write", method: "PATCH", url: `/users/${readerUser}`, headers: { "Content-Type": "application/json" }, body: { jobTitle: "Denied" } },
        { id: "organization", method: "GET", url: "/organization" },
        { id: "other-tenant", method: "GET", url: `/users/${userId}` },
      ],
    });
    assert.equal(answer.status, 200);
    const byId = new Map(answer.responses.map((r) => [r.id, r]));
    assert.equal(byId.get("read")?.status, 200);
    assert.equal(byId.get("organization")?.status, 200);
    assert.equal(byId.get("write")?.status, 403);
    assert.equal(byId.get("write")?.body?.error?.code, "Authorization_RequestDenied");
    assert.equal(byId.get("write")?.body?.error?.message, "Insufficient privileges to complete the operation.");
    // The batch's token decides the tenant: a user of another tenant is not found.
    assert.equal(byId.get("other-tenant")?.status, 404);
  });

  test("each request is throttled on its own and the batch itself is not charged", async () => {
    const t = await tenantWithApp(cloud, control, { permissions: ["User.Read.All"] });
    const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
    const userId = (await t.graph.api("/users").select("id").top(1).get()).value[0].id as string;
    const before = (await control<{ timeScale: number; throttling: { resourceUnits: { S: { limit: number; windowSeconds: number } } } }>("GET", "/settings")).body;
    const small = before.throttling.resourceUnits.S;
    // Three resource units for small tenants, on a clock so slow that nothing refills during the test.
    const limited = await control("PATCH", "/settings", { timeScale: 0.001, throttling: { resourceUnits: { S: { ...small, limit: 3 } } }, resetUsage: true });
    assert.equal(limited.status, 200, JSON.stringify(limited.body));
    try {
      const requests = Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1), method: "GET", url: `/users/${userId}` }));
      const answer = await postBatch(token, { requests });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.responses.map((r) => r.status), [200, 200, 200, 429, 429]);
      assert.equal(answer.responses[0]?.headers["x-ms-resource-unit"], "1");
      const throttled = answer.responses[3]!;
      assert.ok(Number(throttled.headers["Retry-After"]) > 0, JSON.stringify(throttled.headers));
      assert.equal(throttled.body?.error?.code, "TooManyRequests");
    } finally {
      await control("PATCH", "/settings", { timeScale: before.timeScale, throttling: { resourceUnits: { S: small } }, resetUsage: true });
    }
  });
});
