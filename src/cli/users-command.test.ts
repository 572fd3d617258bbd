import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type CliResult, runTenantryCli } from "../../test/support/tenantry-cli.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;
const tenant = ["--tenant", "contoso.onmicrosoft.com"];

/** Runs `bin/tenantry.js` as a user would, against the test's server. */
function tenantry(args: readonly string[], stdin?: string): Promise<CliResult> {
  return runTenantryCli(server, args, stdin);
}

/** RFC 4180 as formatRows writes it: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === "," || c === "\n")) {
      row.push(cell);
      cell = "";
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else {
      cell += c;
    }
  }
  return rows;
}

async function firstUser(...filters: string[]): Promise<string> {
  const listed = await tenantry(["users", "list", ...tenant, ...filters, "--enabled", "--top", "1", "--output", "json"]);
  return (JSON.parse(listed.stdout) as { value: { userPrincipalName: string }[] }).value[0]!.userPrincipalName;
}

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("tenantry users", () => {
  test("list searches, and its JSON and CSV parse to the same users", async () => {
    const table = await tenantry(["users", "list", ...tenant, "--search", "Global Admin"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /admin@contoso\.onmicrosoft\.com/);

    const json = await tenantry(["users", "list", ...tenant, "--search", "mar", "--top", "10", "--output", "json"]);
    assert.equal(json.code, 0, json.stderr);
    const page = JSON.parse(json.stdout) as { value: { userPrincipalName: string; displayName: string; mail: string | null }[]; nextCursor: string | null; count: number };
    assert.ok(page.value.length > 0 && page.value.length <= 10);
    assert.ok(page.value.every((u) => /(^|[^a-z])mar/i.test(u.displayName) || /^mar/i.test(u.userPrincipalName) || /^mar/i.test(u.mail ?? "")));

    const csv = await tenantry(["users", "list", ...tenant, "--search", "mar", "--top", "10", "--output", "csv"]);
    assert.equal(csv.code, 0, csv.stderr);
    const [header, ...rows] = parseCsv(csv.stdout);
    assert.ok(rows.every((r) => r.length === header!.length));
    const upn = header!.indexOf("userPrincipalName");
    assert.deepEqual(rows.map((r) => r[upn]), page.value.map((u) => u.userPrincipalName));

    const next = await tenantry(["users", "list", ...tenant, "--cursor", page.nextCursor!, "--output", "json"]);
    const second = JSON.parse(next.stdout) as { value: { userPrincipalName: string }[] };
    assert.ok(second.value.length > 0 && second.value.every((u) => !page.value.some((p) => p.userPrincipalName === u.userPrincipalName)));
  });

  test("set changes a job title and a phone, get shows them, and the summary says before -> after", async () => {
    const user = await firstUser("--cloud-only", "--member", "--licensed");
    const before = JSON.parse((await tenantry(["users", "get", user, ...tenant, "--output", "json"])).stdout) as { jobTitle: string | null; mobilePhone: string | null };
    const set = await tenantry(["users", "set", user, ...tenant, "--job-title", "Reader of all things", "--mobile-phone", "+1 425 555 0199"]);
    assert.equal(set.code, 0, set.stderr);
    assert.ok(set.stdout.startsWith(`Succeeded: Update user properties on user ${user}\n  jobTitle: ${JSON.stringify(before.jobTitle)} -> "Reader of all things"\n`), set.stdout);
    assert.ok(set.stdout.includes(`mobilePhone: ${before.mobilePhone === null ? "(none)" : JSON.stringify(before.mobilePhone)} -> "+1 425 555 0199"`), set.stdout);
    const got = await tenantry(["users", "get", user, ...tenant]);
    assert.equal(got.code, 0, got.stderr);
    assert.match(got.stdout, /jobTitle: Reader of all things/);
    const json = JSON.parse((await tenantry(["users", "get", user, ...tenant, "--output", "json"])).stdout) as { jobTitle: string; mobilePhone: string; licenses: unknown[] };
    assert.equal(json.jobTitle, "Reader of all things");
    assert.equal(json.mobilePhone, "+1 425 555 0199");
    assert.ok(json.licenses.length > 0);
    const cleared = await tenantry(["users", "set", user, ...tenant, "--clear", "job-title", "--output", "csv"]);
    const [header, row] = parseCsv(cleared.stdout);
    assert.deepEqual(Object.fromEntries(header!.map((h, i) => [h, row![i]])), { action: "users.update-properties", state: "succeeded", target: user, property: "jobTitle", before: "Reader of all things", after: "" });
  });

  test("reset-password --generate prints a 16-character password once; the audit log has no password and says it came from the CLI", async () => {
    const user = "helpdesk@contoso.onmicrosoft.com";
    const args = ["users", "reset-password", user, ...tenant, "--generate", "--idempotency-key", "cli-reset-1"];
    const reset = await tenantry(args);
    assert.equal(reset.code, 0, reset.stderr);
    const password = /password \(shown once, Tenantry keeps no copy\): (\S+)\n/.exec(reset.stdout)?.[1];
    assert.equal(password?.length, 16, reset.stdout);
    const again = await tenantry(args);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /nothing was run again/);
    assert.doesNotMatch(again.stdout, /password \(shown once/);
    const exported = await fetch(`${server.url}/api/audit/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } }).then((r) => r.text());
    assert.ok(!exported.includes(password!));
    const entries = (JSON.parse(exported) as { action: string; actor: { via: string }; target: { display?: string } | null }[]).filter((e) => e.action === "users.reset-password" && e.target?.display === user);
    assert.ok(entries.length >= 2 && entries.every((e) => e.actor.via === "cli"));
  });

  test("a password from standard input is set and never printed", async () => {
    const chosen = "Tr0ub4dor&3-horse";
    const reset = await tenantry(["users", "reset-password", "pwadmin@contoso.onmicrosoft.com", ...tenant, "--password-stdin", "--no-force-change", "--output", "json"], `${chosen}\n`);
    assert.equal(reset.code, 0, reset.stderr);
    const answer = JSON.parse(reset.stdout) as { run: { state: string; after: { forceChangePasswordNextSignIn: boolean } }; secret?: unknown };
    assert.equal(answer.run.state, "succeeded");
    assert.equal(answer.run.after.forceChangePasswordNextSignIn, false);
    assert.equal(answer.secret, undefined);
    assert.ok(!reset.stdout.includes(chosen) && !reset.stderr.includes(chosen));
  });

  test("a refusal exits 1 with the message and the fix on stderr; bad input names the field", async () => {
    const synced = await firstUser("--synced");
    const refused = await tenantry(["users", "set", synced, ...tenant, "--department", "Elsewhere"]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /^Refused: .*synced from on-premises Active Directory.*\nFix: Change them in on-premises Active Directory/);

    const admin = await tenantry(["users", "reset-password", "admin@contoso.onmicrosoft.com", ...tenant, "--generate"]);
    assert.equal(admin.code, 1);
    assert.match(admin.stderr, /Fix: .*Privileged Authentication Administrator/);
    assert.doesNotMatch(admin.stdout + admin.stderr, /password \(shown once/);

    const bad = await tenantry(["users", "set", synced, ...tenant, "--usage-location", "Germany"]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /usageLocation/);

    const nothing = await tenantry(["users", "set", synced, ...tenant]);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /Nothing to change/);
    const noTenant = await tenantry(["users", "list"]);
    assert.notEqual(noTenant.code, 0);
    assert.match(noTenant.stderr, /--tenant/);
  });
});

describe("tenantry licenses and groups", () => {
  test("licenses list shows products with free seats; assign and remove show product names", async () => {
    const listed = await tenantry(["licenses", "list", ...tenant, "--output", "csv"]);
    const [header, ...rows] = parseCsv(listed.stdout);
    const col = (name: string) => header!.indexOf(name);
    const e3 = rows.find((r) => r[col("partNumber")] === "SPE_E3")!;
    assert.equal(e3[col("product")], "Microsoft 365 E3");
    assert.equal(Number(e3[col("free")]), Math.max(0, Number(e3[col("enabled")]) - Number(e3[col("consumed")])));

    const user = "licenseadmin@contoso.onmicrosoft.com";
    const assigned = await tenantry(["licenses", "assign", user, ...tenant, "--sku", "Power BI Pro", "--usage-location", "DE"]);
    assert.equal(assigned.code, 0, assigned.stderr);
    assert.match(assigned.stdout, /Power BI Pro/);
    assert.doesNotMatch(assigned.stdout, /POWER_BI_PRO|f8a1db68/);
    const removed = await tenantry(["licenses", "remove", user, ...tenant, "--sku", "POWER_BI_PRO"]);
    assert.equal(removed.code, 0, removed.stderr);
    const unknown = await tenantry(["licenses", "assign", user, ...tenant, "--sku", "Nonexistent Suite"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Microsoft 365 E3/);
  });

  test("groups: find, add a member by user name, see it in members, remove it", async () => {
    const listed = JSON.parse((await tenantry(["groups", "list", ...tenant, "--top", "999", "--output", "json"])).stdout) as { value: { id: string; kind: string; synced: boolean; membership: string; isAssignableToRole: boolean }[] };
    const group = listed.value.find((g) => g.kind === "Security" && !g.synced && g.membership === "assigned" && !g.isAssignableToRole)!;
    const user = "authadmin@contoso.onmicrosoft.com";
    const added = await tenantry(["groups", "add-member", group.id, user, ...tenant]);
    assert.equal(added.code, 0, added.stderr);
    const members = async () => {
      let cursor: string | null = null;
      const upns: string[] = [];
      do {
        const out = await tenantry(["groups", "members", group.id, ...tenant, "--output", "json", ...(cursor ? ["--cursor", cursor] : ["--top", "999"])]);
        const page = JSON.parse(out.stdout) as { value: { userPrincipalName: string | null }[]; nextCursor: string | null };
        upns.push(...page.value.map((m) => m.userPrincipalName ?? ""));
        cursor = page.nextCursor;
      } while (cursor);
      return upns;
    };
    assert.ok((await members()).includes(user));
    const twice = await tenantry(["groups", "add-member", group.id, user, ...tenant]);
    assert.equal(twice.code, 1);
    const removed = await tenantry(["groups", "remove-member", group.id, user, ...tenant]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.ok(!(await members()).includes(user));
  });
});
