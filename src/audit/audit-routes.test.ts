import assert from "node:assert/strict";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Fastify, { type FastifyError } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { randomUUID } from "node:crypto";
import { createOperatorAccess } from "../access/operator-access.ts";
import type { RoleAssignment } from "../access/role-assignments-store.ts";
import { handleApiError } from "../api/api-errors.ts";
import { setCaller } from "../api/request-caller.ts";
import { checkRouteRequirement } from "../api/route-requirements.ts";
import { registerAuditRoutes } from "../api/audit-routes.ts";
import type { ZodApp } from "../api/zod-app.ts";
import { createSecretBox } from "../secrets/secret-box.ts";
import { type Database, openDatabase } from "../store/database.ts";
import { createConnectionsStore } from "../tenants/connections-store.ts";
import { createPlatformAppStore } from "../tenants/platform-app-store.ts";
import { createTenantsService } from "../tenants/tenants-service.ts";
import type { AuditEntry } from "./audit-entry.ts";
import { createAuditLog } from "./audit-log.ts";

const everyScope = ["actions:read", "actions:write", "audit:read", "platform"] as const;
const accessFor = (name: string, assignments: RoleAssignment[]) =>
  createOperatorAccess({ principal: { operatorId: randomUUID(), name, groupIds: [], scopes: everyScope }, assignments, tenantGroups: new Map(), customRoles: new Map() });
const assignment = (role: RoleAssignment["role"], scope: RoleAssignment["scope"]): RoleAssignment => ({ id: randomUUID(), principal: { kind: "operator", id: randomUUID() }, role, scope, createdAt: "" });
const auditor = accessFor("auditor@msp.example", [assignment({ kind: "platform", id: "auditor" }, { kind: "all" })]);

let dir: string;
let database: Database;
let app: ZodApp;
const contoso = "c0c0c0c0-0000-4000-8000-000000000001";
const fabrikam = "c0c0c0c0-0000-4000-8000-000000000002";
const technician = accessFor("tech@msp.example", [assignment({ kind: "entra", id: "729827e3-9c14-49f7-bb1b-9608f156bbb8" }, { kind: "tenant", tenantId: fabrikam })]);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-audit-api-"));
  await chmod(dir, 0o755);
  database = await openDatabase({ dataDir: dir, env: {} });
  const connections = createConnectionsStore({ pool: database.pool });
  await connections.upsert({ tenantId: contoso, displayName: "Contoso", defaultDomain: "contoso.example", verifiedDomains: ["contoso.example"], connectedVia: "manual" });
  const tenants = createTenantsService({
    pool: database.pool,
    app: createPlatformAppStore({ pool: database.pool, secrets: createSecretBox(Buffer.alloc(32, 7)) }),
    connections,
    consentRedirectUri: () => "http://localhost/tenants/consent-callback",
  });
  const audit = createAuditLog({ pool: database.pool });
  for (const [tenantId, outcome] of [[contoso, "succeeded"], [null, "denied"], [contoso, "failed"], [fabrikam, "succeeded"]] as const) {
    await audit.append({ actor: { name: "jo@msp.example", via: "api" }, action: "user.update", tenantId, target: { kind: "user", id: "u1", display: "Adele, V." }, inputs: { token: "t" }, outcome });
  }
  app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => handleApiError(error, request, reply));
  // Who asks is chosen per request by a header, the way the API's authentication would find it.
  app.addHook("onRequest", async (request) => {
    setCaller(request, request.headers["x-test-operator"] === "technician" ? technician : auditor);
  });
  app.addHook("preValidation", checkRouteRequirement);
  registerAuditRoutes(app, audit, tenants);
  await app.ready();
});
after(async () => {
  await app?.close();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("audit API", () => {
  test("lists entries by tenant domain or id, newest first, with a cursor", async () => {
    const first = await app.inject({ url: "/api/audit?tenant=contoso.example&limit=1" });
    assert.equal(first.statusCode, 200);
    const page = first.json<{ value: AuditEntry[]; nextCursor: string | null }>();
    assert.deepEqual(page.value.map((e) => e.outcome), ["failed"]);
    assert.deepEqual(page.value[0]!.inputs, { token: "[redacted]" });
    const second = (await app.inject({ url: `/api/audit?tenant=${contoso.toUpperCase()}&limit=1&cursor=${page.nextCursor}` })).json<{ value: AuditEntry[]; nextCursor: string | null }>();
    assert.deepEqual(second.value.map((e) => e.outcome), ["succeeded"]);
    assert.equal(second.nextCursor, null);
  });

  test("bad query input is a 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["outcome=maybe", "outcome"],
      ["since=yesterday", "since"],
      [`actor=${"x".repeat(257)}`, "actor"],
      ["cursor=abc", "cursor"],
      ["tenant=not%20a%20tenant", "tenant"],
    ];
    for (const [query, field] of cases) {
      const response = await app.inject({ url: `/api/audit?${query}` });
      assert.equal(response.statusCode, 400, query);
      const body = response.json<{ error: { code: string; field: string; message: string } }>();
      assert.equal(body.error.code, "invalid_input");
      assert.equal(body.error.field, field, query);
    }
    const unknown = await app.inject({ url: "/api/audit?colour=red" });
    assert.equal(unknown.statusCode, 400);
    assert.equal((await app.inject({ url: "/api/audit/export?format=xml" })).json<{ error: { field: string } }>().error.field, "format");
  });

  test("an unknown tenant domain is a 404 that says so", async () => {
    const response = await app.inject({ url: "/api/audit?tenant=fabrikam.example" });
    assert.equal(response.statusCode, 404);
    assert.match(response.json<{ error: { message: string } }>().error.message, /fabrikam\.example' is not connected/);
  });

  test("exports CSV and JSON downloads, oldest first", async () => {
    const csv = await app.inject({ url: "/api/audit/export?format=csv&tenant=contoso.example" });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /filename="tenantry-audit\.csv"/);
    const lines = csv.body.trimEnd().split("\r\n");
    assert.equal(lines.length, 3);
    assert.ok(lines[1]!.includes(',"Adele, V.",succeeded,'));
    const json = await app.inject({ url: "/api/audit/export?format=json&outcome=denied" });
    assert.deepEqual(json.json<AuditEntry[]>().map((e) => [e.outcome, e.tenantId]), [["denied", null]]);
  });

  test("an operator who is not an Auditor reads only the entries of its tenants, and may not verify the chain", async () => {
    const asTechnician = { "x-test-operator": "technician" };
    const all = (await app.inject({ url: "/api/audit?limit=500", headers: asTechnician })).json<{ value: AuditEntry[] }>();
    assert.deepEqual(all.value.map((e) => e.tenantId), [fabrikam]);
    const other = await app.inject({ url: `/api/audit?tenant=${contoso}`, headers: asTechnician });
    assert.equal(other.statusCode, 404);
    const exported = (await app.inject({ url: "/api/audit/export?format=json", headers: asTechnician })).json<AuditEntry[]>();
    assert.deepEqual(exported.map((e) => e.tenantId), [fabrikam]);
    assert.equal((await app.inject({ method: "POST", url: "/api/audit/verify", headers: asTechnician })).statusCode, 403);
  });

  test("verify passes, then fails after a row is changed with SQL", async () => {
    const ok = await app.inject({ method: "POST", url: "/api/audit/verify" });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json<{ ok: boolean; entries: number }>().entries, 4);
    assert.equal(ok.json<{ ok: boolean }>().ok, true);

    await database.pool.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only");
    await database.pool.query("UPDATE audit_entries SET outcome = 'succeeded' WHERE outcome = 'denied'");
    await database.pool.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
    const broken = (await app.inject({ method: "POST", url: "/api/audit/verify" })).json<{ ok: boolean; reason: string; firstBadSequence: number; message: string }>();
    assert.equal(broken.ok, false);
    assert.equal(broken.reason, "edited");
    assert.equal(broken.firstBadSequence, 2);
    assert.match(broken.message, /Entry 2 was changed after it was written/);
  });
});
