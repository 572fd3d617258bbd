import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { SubscribedSku } from "../actions/reads/directory-read.ts";
import type { UserTemplate } from "../actions/user-template-schema.ts";
import { type CliResult, runTenantryCli } from "../../test/support/tenantry-cli.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;
const domain = "contoso.onmicrosoft.com";
const tenant = ["--tenant", domain];
const passwordLine = /password \(shown once, Tenantry keeps no copy\): (\S+)\n/;
const passwordsIn = (text: string) => [...text.matchAll(new RegExp(passwordLine, "g"))].map((m) => m[1]!);

/** Runs `bin/tenantry.js` as a user would, against the test's server. */
function tenantry(args: readonly string[]): Promise<CliResult> {
  return runTenantryCli(server, args);
}

async function json<T>(args: readonly string[]): Promise<T> {
  const result = await tenantry([...args, "--output", "json"]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as T;
}

interface OnboardingAnswer {
  readonly userId: string | null;
  readonly state: string;
  readonly steps: { action: string; state: string; replayed?: boolean }[];
  readonly secret?: unknown;
}

interface UserAnswer {
  readonly id: string;
  readonly department: string | null;
  readonly jobTitle: string | null;
  readonly usageLocation: string | null;
  readonly licenses: { skuPartNumber: string; assignedDirectly: boolean }[];
  readonly groups: { id: string }[];
}

let licence: string;
let groupId: string;

before(async () => {
  server = await startTenantry();
  const skus = await json<SubscribedSku[]>(["licenses", "list", ...tenant]);
  licence = skus.filter((s) => s.capabilityStatus === "Enabled").sort((a, b) => b.freeUnits - a.freeUnits)[0]!.skuPartNumber;
  const groups = await json<{ value: { id: string; kind: string; synced: boolean; membership: string; isAssignableToRole: boolean }[] }>(["groups", "list", ...tenant, "--top", "999"]);
  groupId = groups.value.find((g) => g.kind === "Security" && !g.synced && g.membership === "assigned" && !g.isAssignableToRole)!.id;
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("tenantry templates and users create-from-template", () => {
  const name = "sales-germany";
  const setArgs = () => ["templates", "set", name, "--description", "Sales staff in Germany", "--domain", domain, "--usage-location", "de", "--property", "department=Sales", "--property", "job-title=Account manager", "--license", licence, "--group", groupId];

  test("set creates a template, a second set replaces it, and list and get show it", async () => {
    const created = await tenantry(setArgs());
    assert.equal(created.code, 0, created.stderr);
    assert.ok(created.stdout.startsWith(`Created template ${name}.\n${name}: Sales staff in Germany\n`), created.stdout);
    const replaced = await tenantry(setArgs());
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(replaced.stdout, /^Replaced template sales-germany\.\n/);

    const listed = await json<UserTemplate[]>(["templates", "list"]);
    assert.equal(listed.length, 1);
    const template = listed[0]!;
    assert.equal(template.name, name);
    assert.equal(template.domain, domain);
    assert.equal(template.usageLocation, "DE");
    assert.deepEqual(template.properties, { department: "Sales", jobTitle: "Account manager" });
    assert.deepEqual(template.licenses, [{ sku: licence, disabledPlans: [] }]);
    assert.deepEqual(template.groups, [groupId]);
    assert.deepEqual(await json<UserTemplate>(["templates", "get", name]), template);

    const table = await tenantry(["templates", "list"]);
    assert.match(table.stdout, new RegExp(`^sales-germany +Sales staff in Germany +contoso\\.onmicrosoft\\.com +DE +jobTitle=Account manager; department=Sales +${licence} +${groupId} `, "m"));
    const details = await tenantry(["templates", "get", name]);
    assert.equal(details.code, 0, details.stderr);
    for (const line of ["\n  usage location: DE\n", "\n    department: Sales\n", `\n  groups:\n    ${groupId}\n`]) assert.ok(details.stdout.includes(line), details.stdout);
  });

  test("create-from-template creates the user with the template's defaults, licence and group, and prints the password once", async () => {
    const alias = `cli-${randomUUID().slice(0, 8)}`;
    const args = ["users", "create-from-template", ...tenant, "--template", name, "--alias", alias, "--display-name", "Lena Vogel", "--given-name", "Lena", "--surname", "Vogel", "--generate-password"];
    const key = ["--idempotency-key", `cli-onboard-${alias}`];
    const first = await tenantry([...args, ...key]);
    assert.equal(first.code, 0, first.stderr);
    const upn = `${alias}@${domain}`;
    const userId = new RegExp(`^Succeeded: created ${upn} \\(([0-9a-f-]{36})\\) from template ${name}\\n`).exec(first.stdout)?.[1];
    assert.ok(userId, first.stdout);
    assert.match(first.stdout, /\nusers\.create +succeeded +/);
    assert.match(first.stdout, /\nlicenses\.assign-user +succeeded +/);
    assert.match(first.stdout, /\ngroups\.add-member +succeeded +/);
    assert.match(first.stdout, /\nstate: succeeded\n/);
    const passwords = passwordsIn(first.stdout);
    assert.equal(passwords.length, 1, first.stdout);
    assert.equal(passwords[0]!.length, 16);

    const user = await json<UserAnswer>(["users", "get", upn, ...tenant]);
    assert.equal(user.id, userId);
    assert.equal(user.department, "Sales");
    assert.equal(user.jobTitle, "Account manager");
    assert.equal(user.usageLocation, "DE");
    assert.ok(user.licenses.some((l) => l.skuPartNumber === licence && l.assignedDirectly), JSON.stringify(user.licenses));
    assert.ok(user.groups.some((g) => g.id === groupId));

    const again = await json<OnboardingAnswer>([...args, ...key]);
    assert.equal(again.userId, userId);
    assert.equal(again.state, "succeeded");
    assert.equal(again.secret, undefined);
    assert.deepEqual(again.steps.map((s) => [s.action, s.state, s.replayed]), [
      ["users.create", "succeeded", true],
      ["licenses.assign-user", "succeeded", true],
      ["groups.add-member", "succeeded", true],
    ]);
    const replayedTable = await tenantry([...args, ...key]);
    assert.equal(replayedTable.code, 0, replayedTable.stderr);
    assert.match(replayedTable.stdout, /nothing was run again/);
    assert.doesNotMatch(replayedTable.stdout + replayedTable.stderr, passwordLine);
    const found = await json<{ value: { id: string }[] }>(["users", "list", ...tenant, "--search", alias]);
    assert.deepEqual(found.value.map((u) => u.id), [userId]);
  });

  test("a step that does not succeed makes the outcome partial, exit 0; the CSV password goes to stderr", async () => {
    const missingGroup = randomUUID();
    const set = await tenantry(["templates", "set", "missing-group", "--domain", domain, "--group", missingGroup]);
    assert.equal(set.code, 0, set.stderr);
    const alias = `cli-${randomUUID().slice(0, 8)}`;
    const result = await tenantry(["users", "create-from-template", ...tenant, "--template", "missing-group", "--alias", alias, "--display-name", "Partial Person", "--generate-password", "--output", "csv"]);
    assert.equal(result.code, 0, result.stderr);
    const [header, ...rows] = result.stdout.trimEnd().split("\n");
    assert.equal(header, "userPrincipalName,userId,overall,step,state,target,note");
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, new RegExp(`^${alias}@contoso\\.onmicrosoft\\.com,[0-9a-f-]{36},partial,users\\.create,succeeded,`));
    assert.match(rows[1]!, /,partial,groups\.add-member,(refused|failed),/);
    assert.doesNotMatch(result.stdout, passwordLine);
    assert.equal(passwordsIn(result.stderr).length, 1, result.stderr);
  });

  test("a user that is not created exits 1 with the reason on stderr and no password", async () => {
    const taken = await tenantry(["users", "create-from-template", ...tenant, "--template", name, "--alias", "admin", "--display-name", "Second Admin", "--generate-password"]);
    assert.equal(taken.code, 1);
    assert.equal(taken.stdout, "");
    assert.match(taken.stderr, /^(Refused|Failed): .*admin@contoso\.onmicrosoft\.com/);
    assert.doesNotMatch(taken.stderr, passwordLine);

    const unknown = await tenantry(["users", "create-from-template", ...tenant, "--template", "no-such-template", "--alias", "nobody", "--display-name", "Nobody", "--generate-password"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no user template named no-such-template/);

    const both = await tenantry(["users", "create-from-template", ...tenant, "--template", name, "--alias", "a", "--upn", `a@${domain}`, "--display-name", "A", "--generate-password"]);
    assert.notEqual(both.code, 0);
    assert.match(both.stderr, /--upn/);
    const noPassword = await tenantry(["users", "create-from-template", ...tenant, "--template", name, "--alias", "a", "--display-name", "A"]);
    assert.equal(noPassword.code, 1);
    assert.match(noPassword.stderr, /--generate-password/);
  });

  test("a bad template exits 1 naming the field, and nothing is stored", async () => {
    const country = await tenantry(["templates", "set", "bad-country", "--usage-location", "Germany"]);
    assert.equal(country.code, 1);
    assert.match(country.stderr, /usageLocation/);
    const noLocation = await tenantry(["templates", "set", "bad-licence", "--license", licence]);
    assert.equal(noLocation.code, 1);
    assert.match(noLocation.stderr, /usageLocation/);
    const property = await tenantry(["templates", "set", "bad-property", "--property", "mobilePhone=+1 425 555 0100"]);
    assert.notEqual(property.code, 0);
    assert.match(property.stderr, /--property/);
    const plans = await tenantry(["templates", "set", "bad-plans", "--usage-location", "DE", "--license", `${licence}:`]);
    assert.notEqual(plans.code, 0);
    assert.match(plans.stderr, /--license/);
    const names = (await json<UserTemplate[]>(["templates", "list"])).map((t) => t.name);
    assert.deepEqual(names.sort(), ["missing-group", name]);
  });

  test("remove deletes a template; removing it again exits 1", async () => {
    const removed = await tenantry(["templates", "remove", name]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(removed.stdout, `Removed template ${name}.\n`);
    const again = await tenantry(["templates", "remove", name]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /There is no user template named sales-germany/);
    const gone = await tenantry(["templates", "get", name]);
    assert.equal(gone.code, 1);
  });
});
