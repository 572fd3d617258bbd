import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type DirectoryAuditEvent, directoryAuditReader } from "../../test/support/directory-audits.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

const tenant = "contoso.onmicrosoft.com";
const user = `helpdesk@${tenant}`;
const groupId = "5a1d3c7e-2b4f-4e6a-8c9d-1f0e2a3b4c5d";
const memberId = "0b7f1c52-4d8e-4b1a-9f5e-2d6c8a3e1f40";
const goodPassword = "Tr0ub4dor&3x";

/** One request that must be refused before anything reaches Graph, and how. */
interface BadInput {
  readonly name: string;
  readonly action: string;
  /** Sent as JSON; `raw` instead sends these bytes with this content type. */
  readonly body?: unknown;
  readonly raw?: { readonly text: string; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
  /** The tenant key in the path; contoso by default. */
  readonly tenant?: string;
  readonly status?: number;
  /** `error.field` of the answer. */
  readonly field: string;
  /** What `error.message` must say. */
  readonly why: RegExp;
}

const update = (changes: unknown): unknown => ({ userId: user, changes });
const reset = (password: unknown, extra: object = {}): unknown => ({ userId: user, password, ...extra });
const create = (extra: object): unknown => ({
  userPrincipalName: `new.hire@${tenant}`,
  displayName: "New Hire",
  mailNickname: "new.hire",
  password: { mode: "generate" },
  ...extra,
});
const invite = (extra: object): unknown => ({ email: "grace@example.org", redirectUrl: "https://myapps.microsoft.com", ...extra });
const licences = (extra: object): unknown => ({ userId: user, ...extra });
const tooLong = (n: number) => "x".repeat(n);
const atMost = (n: number) => new RegExp(`at most ${n} characters`, "i");

const upnRule = /alias@domain/;

const table: readonly BadInput[] = [
  // Malformed user principal names, as the target, as a new name, as a manager
  { name: "UPN without @", action: "users.update-properties", body: { userId: `helpdesk.${tenant}`, changes: { jobTitle: "x" } }, field: "userId", why: upnRule },
  { name: "UPN with two @", action: "users.disable", body: { userId: `help@desk@${tenant}` }, field: "userId", why: upnRule },
  { name: "UPN with a space", action: "users.enable", body: { userId: `help desk@${tenant}` }, field: "userId", why: upnRule },
  { name: "UPN over 113 characters", action: "users.revoke-sessions", body: { userId: `${"a".repeat(64)}@${"b".repeat(45)}.com` }, field: "userId", why: /113 characters/ },
  { name: "UPN with a domain without a top-level domain", action: "users.get", body: { userId: "helpdesk@contoso" }, field: "userId", why: upnRule },
  { name: "new UPN with an underscore in the domain", action: "users.create", body: create({ userPrincipalName: "new.hire@contoso_corp.com" }), field: "userPrincipalName", why: upnRule },
  { name: "changed UPN with a space", action: "users.update-properties", body: update({ userPrincipalName: `new name@${tenant}` }), field: "changes.userPrincipalName", why: upnRule },
  { name: "manager that is no user reference", action: "users.update-properties", body: update({ manager: "the boss" }), field: "changes.manager", why: /object id .*user principal name/ },
  // Licences: SKU and plan names, both ways, nothing, too many
  { name: "SKU part number over 128 characters", action: "licenses.assign-user", body: licences({ add: [{ sku: tooLong(129) }] }), field: "add.0.sku", why: atMost(128) },
  { name: "removed SKU over 128 characters", action: "licenses.assign-user", body: licences({ remove: [tooLong(129)] }), field: "remove.0", why: atMost(128) },
  { name: "disabled plan over 128 characters", action: "licenses.assign-user", body: licences({ add: [{ sku: "SPE_E5", disabledPlans: [tooLong(129)] }] }), field: "add.0.disabledPlans.0", why: atMost(128) },
  { name: "same SKU added and removed", action: "licenses.assign-user", body: licences({ add: [{ sku: "spe_e5" }], remove: ["SPE_E5"] }), field: "remove", why: /added and removed/ },
  { name: "no licence to add or remove", action: "licenses.assign-group", body: { groupId, add: [], remove: [] }, field: "add", why: /at least one licence/ },
  { name: "over 100 licences to remove", action: "licenses.assign-user", body: licences({ remove: Array.from({ length: 101 }, (_, i) => `SKU_${i}`) }), field: "remove", why: /100/ },
  { name: "over 100 licences to add", action: "licenses.assign-group", body: { groupId, add: Array.from({ length: 101 }, (_, i) => ({ sku: `SKU_${i}` })) }, field: "add", why: /100/ },
  // Over-long and empty values of bounded properties
  { name: "jobTitle of 129 characters", action: "users.update-properties", body: update({ jobTitle: tooLong(129) }), field: "changes.jobTitle", why: atMost(128) },
  { name: "displayName of 257 characters", action: "users.update-properties", body: update({ displayName: tooLong(257) }), field: "changes.displayName", why: atMost(256) },
  { name: "employeeId of 17 characters", action: "users.update-properties", body: update({ employeeId: tooLong(17) }), field: "changes.employeeId", why: atMost(16) },
  { name: "department of 65 characters", action: "users.update-properties", body: update({ department: tooLong(65) }), field: "changes.department", why: atMost(64) },
  { name: "streetAddress of 1,025 characters", action: "users.update-properties", body: update({ streetAddress: tooLong(1025) }), field: "changes.streetAddress", why: atMost(1024) },
  { name: "postalCode of 41 characters", action: "users.update-properties", body: update({ postalCode: tooLong(41) }), field: "changes.postalCode", why: atMost(40) },
  { name: "mailNickname of 65 characters", action: "users.update-properties", body: update({ mailNickname: tooLong(65) }), field: "changes.mailNickname", why: atMost(64) },
  { name: "usageLocation of three letters", action: "users.update-properties", body: update({ usageLocation: "DEU" }), field: "changes.usageLocation", why: /two-letter country code/ },
  { name: "displayName of spaces only", action: "users.update-properties", body: update({ displayName: "   " }), field: "changes.displayName", why: /must not be empty/i },
  { name: "jobTitle with a control character", action: "users.update-properties", body: update({ jobTitle: "Line\u0007break" }), field: "changes.jobTitle", why: /control characters/i },
  { name: "mobilePhone of 65 characters", action: "users.update-phones", body: update({ mobilePhone: "9".repeat(65) }), field: "changes.mobilePhone", why: atMost(64) },
  { name: "two business phones", action: "users.update-phones", body: update({ businessPhones: ["+1 555 0100", "+1 555 0101"] }), field: "changes.businessPhones", why: /at most one business phone/ },
  { name: "other mail of 257 characters", action: "users.update-other-mails", body: update({ otherMails: [`${tooLong(245)}@example.org`] }), field: "changes.otherMails.0", why: /256 characters|email address/ },
  { name: "101 other mails", action: "users.update-other-mails", body: update({ otherMails: Array.from({ length: 101 }, (_, i) => `a${i}@example.org`) }), field: "changes.otherMails", why: /100/ },
  { name: "new user's displayName of 257 characters", action: "users.create", body: create({ displayName: tooLong(257) }), field: "displayName", why: atMost(256) },
  { name: "template id of 65 characters", action: "users.create", body: create({ templateId: tooLong(65) }), field: "templateId", why: atMost(64) },
  { name: "guest's displayName of 257 characters", action: "users.invite-guest", body: invite({ displayName: tooLong(257) }), field: "displayName", why: atMost(256) },
  { name: "group description of 1,025 characters", action: "groups.update-properties", body: { groupId, changes: { description: tooLong(1025) } }, field: "changes.description", why: atMost(1024) },
  { name: "search text of 257 characters", action: "users.list", body: { search: tooLong(257) }, field: "search", why: atMost(256) },
  { name: "page size of 1,000", action: "groups.list-members", body: { groupId, top: 1000 }, field: "top", why: /999/ },
  // Wrong types
  { name: "a number for a string", action: "users.update-properties", body: update({ jobTitle: 42 }), field: "changes.jobTitle", why: /expected string, received number/ },
  { name: "a number for the user", action: "users.delete", body: { userId: 42 }, field: "userId", why: /received number/ },
  { name: "a string for a boolean", action: "users.reset-password", body: reset({ mode: "generate" }, { forceChangePasswordNextSignIn: "yes" }), field: "forceChangePasswordNextSignIn", why: /expected boolean, received string/ },
  { name: "an array for an object", action: "users.update-properties", body: update(["jobTitle"]), field: "changes", why: /expected object, received array/ },
  { name: "a string for a list", action: "users.update-other-mails", body: update({ otherMails: "ada@example.org" }), field: "changes.otherMails", why: /expected array, received string/ },
  { name: "a null for a property that cannot be cleared", action: "users.update-properties", body: update({ displayName: null }), field: "changes.displayName", why: /received null/ },
  // Unknown fields and empty changes
  { name: "unknown field at top level", action: "users.update-properties", body: { ...(update({ jobTitle: "x" }) as object), accountEnabled: false }, field: "accountEnabled", why: /Unrecognized key/ },
  { name: "unknown field inside changes", action: "users.update-properties", body: update({ aboutMe: "hi" }), field: "changes.aboutMe", why: /Unrecognized key/ },
  { name: "unknown field inside a licence", action: "licenses.assign-user", body: licences({ add: [{ sku: "SPE_E5", plans: [] }] }), field: "add.0.plans", why: /Unrecognized key/ },
  { name: "unknown field on a read", action: "tenant.get-organization", body: { tenantId: groupId }, field: "tenantId", why: /Unrecognized key/ },
  { name: "empty property changes", action: "users.update-properties", body: update({}), field: "changes", why: /at least one property/ },
  { name: "empty phone changes", action: "users.update-phones", body: update({}), field: "changes", why: /at least one property/ },
  { name: "empty group changes", action: "groups.update-properties", body: { groupId, changes: {} }, field: "changes", why: /at least one property/ },
  // Passwords
  { name: "password too short", action: "users.reset-password", body: reset({ mode: "custom", value: "Sh0rt!" }), field: "password.value", why: /at least 8 characters/i },
  { name: "password of one character class", action: "users.reset-password", body: reset({ mode: "custom", value: "alllowercaseletters" }), field: "password.value", why: /three of/ },
  { name: "password over 256 characters", action: "users.reset-password", body: reset({ mode: "custom", value: `Aa1!${tooLong(253)}` }), field: "password.value", why: atMost(256) },
  { name: "password with a control character", action: "users.reset-password", body: reset({ mode: "custom", value: "Tr0ub4dor&3\u0000x" }), field: "password.value", why: /control characters/i },
  { name: "generated password with a value", action: "users.reset-password", body: reset({ mode: "generate", value: goodPassword }), field: "password.value", why: /Unrecognized key/ },
  { name: "unknown password mode", action: "users.reset-password", body: reset({ mode: "email" }), field: "password.mode", why: /generate.*custom/ },
  { name: "weak password for a new user", action: "users.create", body: create({ password: { mode: "custom", value: "password" } }), field: "password.value", why: /three of/ },
  // URLs and ids
  { name: "redirect URL over http", action: "users.invite-guest", body: invite({ redirectUrl: "http://myapps.microsoft.com" }), field: "redirectUrl", why: /https URL/ },
  { name: "redirect URL with a javascript scheme", action: "users.invite-guest", body: invite({ redirectUrl: "javascript:alert(1)" }), field: "redirectUrl", why: /https URL/ },
  { name: "group id that is a name", action: "groups.add-member", body: { groupId: "Sales", memberId }, field: "groupId", why: /GUID/ },
  { name: "group id one digit short", action: "groups.remove-member", body: { groupId: groupId.slice(0, -1), memberId }, field: "groupId", why: /GUID/ },
  { name: "member id that is a UPN", action: "groups.add-member", body: { groupId, memberId: user }, field: "memberId", why: /GUID/ },
  { name: "deleted user by UPN", action: "users.restore", body: { userId: user }, field: "userId", why: /GUID/ },
  { name: "role definition that is a name", action: "roles.list-assignments", body: { roleDefinitionId: "Global Administrator" }, field: "roleDefinitionId", why: /GUID/i },
  // The body itself
  { name: "null body", action: "users.update-properties", body: null, field: "body", why: /expected object, received null/ },
  { name: "an array as the body", action: "users.disable", body: [user], field: "body", why: /expected object, received array/ },
  { name: "no body", action: "users.disable", field: "body", why: /expected object/ },
  { name: "non-JSON body", action: "users.update-properties", raw: { text: "{userId: helpdesk", contentType: "application/json" }, field: "body", why: /not valid JSON/ },
  { name: "empty JSON body", action: "users.update-properties", raw: { text: "", contentType: "application/json" }, field: "body", why: /empty/ },
  { name: "prototype pollution", action: "users.update-properties", raw: { text: `{"userId":"${user}","changes":{"jobTitle":"x"},"__proto__":{"admin":true}}`, contentType: "application/json" }, field: "body", why: /not valid JSON/ },
  { name: "form-encoded body", action: "users.update-properties", raw: { text: `userId=${user}`, contentType: "application/x-www-form-urlencoded" }, status: 415, field: "body", why: /Content-Type: application\/json/ },
  { name: "JSON sent as plain text", action: "users.update-properties", raw: { text: JSON.stringify(update({ jobTitle: "x" })), contentType: "text/plain" }, field: "body", why: /expected object, received string/ },
  { name: "body over 1 MiB", action: "users.update-properties", raw: { text: JSON.stringify(update({ jobTitle: tooLong(1_100_000) })), contentType: "application/json" }, status: 413, field: "body", why: /too large/ },
  // Headers and the tenant key
  { name: "idempotency key with spaces", action: "users.update-properties", body: update({ jobTitle: "x" }), headers: { "Idempotency-Key": "my key 1" }, field: "idempotency-key", why: /without spaces/ },
  { name: "idempotency key of 129 characters", action: "users.update-properties", body: update({ jobTitle: "x" }), headers: { "Idempotency-Key": tooLong(129) }, field: "idempotency-key", why: /128/ },
  { name: "unknown client", action: "users.update-properties", body: update({ jobTitle: "x" }), headers: { "X-Tenantry-Client": "browser" }, field: "x-tenantry-client", why: /cli|console|api/ },
  { name: "tenant key that is neither GUID nor domain", action: "users.update-properties", body: update({ jobTitle: "x" }), tenant: "contoso!", field: "tenant", why: /GUID, or must be a domain/ },
  { name: "tenant that is not connected", action: "users.update-properties", body: update({ jobTitle: "x" }), tenant: "nowhere.onmicrosoft.com", status: 404, field: "tenant", why: /not connected/ },
];

let server: TenantryServer;
let audits: Awaited<ReturnType<typeof directoryAuditReader>>;
let since: string;

before(async () => {
  server = await startTenantry();
  audits = await directoryAuditReader(server.cloudUrl, tenant);
  since = new Date().toISOString();
});

after(async () => {
  await server.stop();
  await server.remove();
});

async function send(bad: BadInput): Promise<{ status: number; body: { error?: { code: string; field?: string; message: string } } }> {
  const raw = bad.raw ?? (bad.body === undefined ? undefined : { text: JSON.stringify(bad.body), contentType: "application/json" });
  const response = await fetch(`${server.url}/api/tenants/${bad.tenant ?? tenant}/actions/${bad.action}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${server.token}`, ...(raw ? { "Content-Type": raw.contentType } : {}), ...bad.headers },
    ...(raw ? { body: raw.text } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

interface AuditPage {
  value: { action: string; outcome: string; correlationId: string }[];
}

const auditSince = async () => (await server.api<AuditPage>("GET", `/api/audit?since=${encodeURIComponent(since)}&limit=500`)).body.value;

const changesOf = (events: readonly DirectoryAuditEvent[]) => events.map((e) => `${e.activityDisplayName}: ${e.targetResources.map((t) => t.userPrincipalName ?? t.id).join(", ")}`);

describe("bad input is refused before anything reaches Graph", () => {
  test(`${table.length} bad inputs each get a 4xx naming the field and why`, async () => {
    assert.ok(table.length >= 40);
    const wrong: string[] = [];
    for (const bad of table) {
      const { status, body } = await send(bad);
      const expected = bad.status ?? 400;
      const problems = [
        status === expected ? "" : `status ${status}, expected ${expected}`,
        body.error?.field === bad.field ? "" : `field ${JSON.stringify(body.error?.field)}, expected ${bad.field}`,
        bad.why.test(body.error?.message ?? "") ? "" : `message does not match ${bad.why}`,
        body.error?.message?.startsWith(`${bad.field}: `) || status === 404 ? "" : "message does not start with the field",
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${bad.name}: ${problems.join("; ")} (${JSON.stringify(body).slice(0, 300)})`);
    }
    assert.deepEqual(wrong, []);
  });

  test("a tenant key longer than a domain name can be is refused naming the tenant", async () => {
    // 254 characters: past the 253 a domain may have, and past Fastify's default limit of 100 per path parameter.
    const bad: BadInput = { name: "tenant key of 254 characters", action: "users.update-properties", body: update({ jobTitle: "x" }), tenant: `${"a".repeat(250)}.com`, field: "tenant", why: /domain/ };
    const { status, body } = await send(bad);
    assert.equal(status, 400, JSON.stringify(body).slice(0, 300));
    assert.equal(body.error?.field, "tenant");
  });

  test("none of them reached Graph or the journal: no directory audit event, no Tenantry audit entry", async () => {
    assert.deepEqual(changesOf(await audits.since(since)), [], "the tenant's Entra directory audit log is unchanged");
    assert.deepEqual(await auditSince(), [], "Tenantry's audit log is unchanged");
  });

  test("the two logs do see a valid request, so their silence above means something", async () => {
    const { status, body } = await server.api<{ run: { state: string; correlationId: string } }>("POST", `/api/tenants/${tenant}/actions/users.update-properties`, update({ jobTitle: "Input validator" }));
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.run.state, "succeeded");
    assert.deepEqual(changesOf(await audits.since(since)), [`Update user: ${user}`]);
    assert.deepEqual((await auditSince()).map((e) => e.outcome).sort(), ["requested", "succeeded"]);
  });
});
