import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { controlApi } from "../../test/support/graph-clients.ts";
import { trustCertificateAuthority } from "../../test/support/local-cloud.ts";
import { createSelfSignedRsaCertificate } from "../cloud/pki/certificates.ts";

const cli = fileURLToPath(new URL("../../bin/tenantry.js", import.meta.url));
const run = promisify(execFile);

let dir: string;
let serve: ChildProcess;
let output = "";
let url: string;
let token: string;

async function api<T>(method: string, path: string, body?: unknown, bearer: string | undefined = token): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

interface Tenant {
  tenantId: string;
  defaultDomain: string;
  displayName: string | null;
  lastCheck: { tokenFailure: { kind: string } | null; modules: { module: string; state: string; fixes: string[] }[] };
}
const state = (t: Tenant, module: string) => t.lastCheck.modules.find((m) => m.module === module)?.state;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-serve-"));
  await chmod(dir, 0o755);
  serve = spawn(process.execPath, [cli, "serve", "--port", "0", "--data-dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  serve.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const lines = createInterface({ input: serve.stdout! });
  url = await new Promise<string>((resolve, reject) => {
    serve.once("exit", (code) => reject(new Error(`tenantry serve exited with ${code}: ${output}`)));
    lines.on("line", (line) => {
      output += `${line}\n`;
      const match = /^Tenantry is running at (\S+) /.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  token = (await readFile(join(dir, "admin-token"), "utf8")).trim();
});

after(async () => {
  if (serve.exitCode === null) {
    serve.kill("SIGTERM");
    await new Promise((resolve) => serve.once("exit", resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

describe("tenantry serve with the local cloud's demo", () => {
  test("the demo tenants are connected, each with the consent health it has", async () => {
    const { status, body } = await api<{ value: Tenant[] }>("GET", "/api/tenants");
    assert.equal(status, 200);
    const byDomain = new Map(body.value.map((t) => [t.defaultDomain, t]));
    const contoso = byDomain.get("contoso.onmicrosoft.com")!;
    assert.deepEqual([state(contoso, "reporting"), state(contoso, "management")], ["ready", "ready"]);
    const northwind = byDomain.get("northwind.onmicrosoft.com")!;
    assert.deepEqual([state(northwind, "reporting"), state(northwind, "management")], ["ready", "degraded"]);
    const woodgrove = byDomain.get("woodgrove.onmicrosoft.com")!;
    assert.equal(woodgrove.lastCheck.tokenFailure?.kind, "not-consented");
    assert.match(woodgrove.lastCheck.modules[0]!.fixes[0]!, new RegExp(`redirect_uri=${encodeURIComponent(`${url}/tenants/consent-callback`).replace(/\./g, "\\.")}`));
  });

  test("admin consent end to end: the link, the administrator's consent, the redirect back, and the health that follows", async () => {
    const started = await api<{ consentUrl: string }>("POST", "/api/tenants/consent", { tenant: "woodgrove.onmicrosoft.com" });
    assert.equal(started.status, 201);
    const consentUrl = new URL(started.body.consentUrl);
    trustCertificateAuthority(await readFile(join(dir, "cloud", "pki", "ca.pem"), "utf8"));
    const page = await fetch(consentUrl);
    assert.match(await page.text(), /Permissions requested/);
    const form = new URLSearchParams(consentUrl.searchParams);
    form.set("username", "admin@woodgrove.onmicrosoft.com");
    form.set("password", "Tenantry-Demo-2026!");
    form.set("decision", "accept");
    const granted = await fetch(consentUrl.origin + consentUrl.pathname, { method: "POST", body: form, redirect: "manual" });
    const back = granted.headers.get("location")!;
    assert.ok(back.startsWith(`${url}/tenants/consent-callback?`), back);
    const landing = await fetch(back);
    assert.equal(landing.status, 200);
    assert.match(await landing.text(), /is connected to Tenantry/);
    assert.equal((await fetch(back)).status, 400, "a consent answer is used once");

    const woodgrove = (await api<Tenant>("GET", "/api/tenants/woodgrove.onmicrosoft.com")).body;
    assert.equal(woodgrove.displayName, "Woodgrove Bank");
    assert.equal(woodgrove.lastCheck.tokenFailure, null);
    assert.equal(state(woodgrove, "reporting"), "ready");
    const management = woodgrove.lastCheck.modules.find((m) => m.module === "management")!;
    assert.equal(management.state, "degraded", "consent grants permissions, not directory roles");
    assert.ok(management.fixes.some((f) => /assign the directory role User Administrator/.test(f)));
  });

  test("no secret appears in what serve prints", async () => {
    const demo = JSON.parse(await readFile(join(dir, "cloud", "demo.json"), "utf8")) as { clientSecret: string };
    assert.ok(demo.clientSecret.length > 20);
    assert.ok(!output.includes(demo.clientSecret));
    assert.ok(!output.includes(token));
  });

  test("the worker runs queued consent checks (they also run every hour)", async () => {
    const before = (await api<Tenant & { lastCheckAt: string }>("GET", "/api/tenants/fabrikam.onmicrosoft.com")).body.lastCheckAt;
    const queued = await api<{ jobId: string }>("POST", "/api/tenants/checks", { tenant: "fabrikam.onmicrosoft.com" });
    assert.equal(queued.status, 202);
    assert.match(queued.body.jobId, /^[0-9a-f-]{36}$/);
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = (await api<Tenant & { lastCheckAt: string }>("GET", "/api/tenants/fabrikam.onmicrosoft.com")).body.lastCheckAt;
    }
    assert.ok(new Date(after) > new Date(before), `checked again: ${before} -> ${after}`);
  });

  test("every route of the OpenAPI document refuses a missing or unknown token", async () => {
    const openapi = await api<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/openapi.json", undefined, "");
    const paths = Object.entries(openapi.body.paths);
    assert.ok(["/api/tenants", "/api/tenants/{tenant}", "/api/tenants/{tenant}/check", "/api/app", "/api/permissions"].every((p) => openapi.body.paths[p]));
    for (const [path, methods] of paths) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace("{tenant}", "contoso.onmicrosoft.com");
        for (const bearer of ["", "tnt_not-a-token"]) {
          const response = await api(method.toUpperCase(), concrete, method === "get" || method === "delete" ? undefined : {}, bearer);
          assert.equal(response.status, 401, `${method} ${path} with ${bearer || "no token"}`);
        }
      }
    }
    assert.equal((await api<Tenant>("GET", "/api/tenants/contoso.onmicrosoft.com")).status, 200, "nothing was removed by the refused calls");
  });

  test("bad input gets a 4xx naming the field, and reaches nothing", async () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      ["POST", "/api/tenants", { tenant: "not a domain!" }, 400, /tenant/],
      ["POST", "/api/tenants", { tenant: "contoso.onmicrosoft.com", extra: 1 }, 400, /extra|Unrecognized/i],
      ["POST", "/api/tenants", {}, 400, /tenant/],
      ["GET", "/api/tenants/not%20a%20tenant", undefined, 400, /tenant/],
      ["GET", "/api/tenants/unknown.onmicrosoft.com", undefined, 404, /not connected/],
      ["PUT", "/api/app", { clientId: "nope", homeTenant: "contoso.onmicrosoft.com", cloud: { kind: "global" }, credential: { kind: "secret", clientSecret: "x" } }, 400, /clientId/],
      ["POST", "/api/tenants", { tenant: "nosuchtenant.onmicrosoft.com" }, 404, /No tenant/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const response = await api<{ error: { message: string } }>(method, path, body);
      assert.equal(response.status, status, `${method} ${path} ${JSON.stringify(response.body)}`);
      assert.match(response.body.error.message, message, `${method} ${path}`);
    }
  });

  test("switching the app to a certificate credential works, and the credential never comes back", async () => {
    const original = await api<{ clientId: string; homeTenant: string; cloud: { kind: string; url: string } }>("GET", "/api/app");
    const cloudUrl = original.body.cloud.url;
    const caPem = await readFile(join(dir, "cloud", "pki", "ca.pem"), "utf8");
    trustCertificateAuthority(caPem);
    const control = controlApi({ url: cloudUrl } as Parameters<typeof controlApi>[0]);
    const cert = await createSelfSignedRsaCertificate("tenantry-certificate");
    const registered = await control<{ appId: string }>("POST", "/applications", { homeTenantId: original.body.homeTenant, displayName: "Tenantry (certificate)", requiredPermissions: ["User.Read.All"], credential: { certificatePem: cert.certPem } });
    const contoso = (await api<Tenant>("GET", "/api/tenants/contoso.onmicrosoft.com")).body;
    await control("POST", `/tenants/${contoso.tenantId}/consents`, { appId: registered.body.appId });

    const set = await api<Record<string, unknown>>("PUT", "/api/app", {
      clientId: registered.body.appId,
      homeTenant: original.body.homeTenant,
      cloud: { kind: "local", url: cloudUrl, caPem },
      credential: { kind: "certificate", certificatePem: cert.certPem, privateKeyPem: cert.keyPem },
    });
    assert.equal(set.status, 200);
    assert.equal(set.body.credentialKind, "certificate");
    assert.match(String(set.body.certificateThumbprint), /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(set.body).includes("PRIVATE KEY"));
    const checked = (await api<Tenant>("POST", `/api/tenants/${contoso.tenantId}/check`)).body;
    assert.equal(checked.lastCheck.tokenFailure, null, "a token was had with the certificate");
    assert.equal(state(checked, "management"), "degraded", "this app was granted User.Read.All only");
    assert.ok(!output.includes("PRIVATE KEY") && !output.includes(cert.keyPem.slice(40, 80)), "the private key is in no log");
  });

  test("the CLI talks to the API with the token serve wrote", async () => {
    const { stdout } = await run(process.execPath, [cli, "tenants", "list", "--url", url, "--data-dir", dir, "--output", "json"]);
    const listed = JSON.parse(stdout) as Tenant[];
    assert.equal(listed.length, 4);
    const csv = await run(process.execPath, [cli, "tenants", "list", "--url", url, "--data-dir", dir, "--output", "csv"]);
    assert.match(csv.stdout.split("\n")[0]!, /^tenant,domain,tenantId,reporting,management,checked$/);
    await assert.rejects(run(process.execPath, [cli, "tenants", "get", "nowhere.onmicrosoft.com", "--url", url, "--data-dir", dir]), (error: Error & { stderr: string }) => /is not connected/.test(error.stderr));
  });

  test("SIGTERM stops serve, its database and the local cloud cleanly", async () => {
    const cloudUrl = (await api<{ cloud: { url: string } }>("GET", "/api/app")).body.cloud.url;
    const postmasterPid = Number((await readFile(join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    assert.ok(postmasterPid > 0);
    serve.kill("SIGTERM");
    const code = await new Promise((resolve) => serve.once("exit", resolve));
    assert.equal(code, 0);
    await assert.rejects(fetch(`${url}/api/openapi.json`));
    await assert.rejects(fetch(`${cloudUrl}/common/discovery/instance`), "the local cloud stopped");
    assert.throws(() => process.kill(postmasterPid, 0), "PostgreSQL stopped");
  });
});
