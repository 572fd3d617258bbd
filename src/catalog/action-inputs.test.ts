import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { type ActionId, actionIds } from "./action-ids.ts";
import { actionById, catalog } from "./catalog.ts";

const userGuid = "0b7f1c52-4d8e-4b1a-9f5e-2d6c8a3e1f40";
const groupGuid = "5a1d3c7e-2b4f-4e6a-8c9d-1f0e2a3b4c5d";
const skuGuid = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
const planGuid = "efb87545-963c-4e0d-99df-69c6916d9eb0";
const upn = "ada.lovelace@contoso.com";

/** One valid input per action: every action must have one here. */
const validSamples: Record<ActionId, unknown> = {
  [actionIds.usersList]: { search: "ada", top: 100, accountEnabled: true, synced: false },
  [actionIds.usersGet]: { userId: upn },
  [actionIds.groupsList]: { search: "Sales" },
  [actionIds.groupsGet]: { groupId: groupGuid },
  [actionIds.groupsListMembers]: { groupId: groupGuid, transitive: true },
  [actionIds.licensesListSubscribedSkus]: {},
  [actionIds.rolesListAssignments]: { principalId: userGuid },
  [actionIds.tenantGetOrganization]: {},
  [actionIds.usersUpdateProperties]: { userId: userGuid, changes: { displayName: "Ada Lovelace", jobTitle: null, manager: upn, usageLocation: "de" } },
  [actionIds.usersUpdatePhones]: { userId: upn, changes: { businessPhones: ["+44 20 7946 0000"], mobilePhone: null } },
  [actionIds.usersUpdateOtherMails]: { userId: upn, changes: { otherMails: ["ada@example.org"] } },
  [actionIds.usersEnable]: { userId: upn },
  [actionIds.usersDisable]: { userId: userGuid },
  [actionIds.usersRevokeSessions]: { userId: upn },
  [actionIds.usersResetPassword]: { userId: upn, password: { mode: "generate" } },
  [actionIds.usersCreate]: {
    templateId: "sales-starter",
    userPrincipalName: "charles.babbage@contoso.com",
    displayName: "Charles Babbage",
    mailNickname: "charles.babbage",
    password: { mode: "custom", value: "Diff3rence-Engine" },
    usageLocation: "GB",
    department: "Engineering",
  },
  [actionIds.usersInviteGuest]: { email: "grace@example.org", redirectUrl: "https://myapps.microsoft.com" },
  [actionIds.usersDelete]: { userId: upn },
  [actionIds.usersListDeleted]: {},
  [actionIds.usersRestore]: { userId: userGuid },
  [actionIds.usersDeletePermanently]: { userId: userGuid },
  [actionIds.licensesAssignUser]: { userId: upn, add: [{ sku: "SPE_E5", disabledPlans: [planGuid, "YAMMER_ENTERPRISE"] }] },
  [actionIds.licensesAssignGroup]: { groupId: groupGuid, remove: [skuGuid] },
  [actionIds.groupsAddMember]: { groupId: groupGuid, memberId: userGuid },
  [actionIds.groupsRemoveMember]: { groupId: groupGuid, memberId: userGuid },
  [actionIds.groupsUpdateProperties]: { groupId: groupGuid, changes: { description: null, visibility: "Private" } },
};

function accepts(id: ActionId, input: unknown): boolean {
  return actionById(id).input.safeParse(input).success;
}

function rejects(id: ActionId, input: unknown, path?: string): void {
  const result = actionById(id).input.safeParse(input);
  assert.ok(!result.success, `${id} should reject ${JSON.stringify(input)}`);
  if (path !== undefined) {
    const paths = result.error.issues.map((issue) => issue.path.join("."));
    assert.ok(paths.includes(path), `${id}: expected an issue at "${path}", got ${JSON.stringify(paths)}`);
  }
}

test("every action accepts its valid sample and refuses unknown fields", () => {
  assert.deepEqual(Object.keys(validSamples).sort(), catalog.map((a) => a.id).sort());
  for (const action of catalog) {
    const sample = validSamples[action.id];
    assert.ok(accepts(action.id, sample), `${action.id} accepts ${JSON.stringify(sample)}`);
    rejects(action.id, { ...(sample as object), unexpected: true });
  }
});

/** Every string bounded, every list bounded, every object closed, as the JSON Schema (and so OpenAPI) shows it. */
function unbounded(schema: unknown, at: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => unbounded(item, `${at}[${i}]`));
  if (schema === null || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (node.type === "string" && node.maxLength === undefined && node.format !== "uuid" && node.const === undefined && node.enum === undefined) {
    problems.push(`${at}: string without maxLength`);
  }
  if (node.type === "array" && node.maxItems === undefined) problems.push(`${at}: array without maxItems`);
  if (node.type === "object" && node.additionalProperties !== false) problems.push(`${at}: object allows unknown properties`);
  for (const [key, value] of Object.entries(node)) problems.push(...unbounded(value, `${at}.${key}`));
  return problems;
}

test("every input string has a maximum length, every list a maximum size, every object is strict", () => {
  for (const action of catalog) {
    assert.deepEqual(unbounded(z.toJSONSchema(action.input, { io: "input" }), action.id), []);
  }
});

test("user references: a GUID or a user principal name of at most 113 characters", () => {
  assert.ok(accepts(actionIds.usersGet, { userId: "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com" }), "guest UPN");
  rejects(actionIds.usersGet, { userId: "not a upn" }, "userId");
  rejects(actionIds.usersGet, { userId: "ada@localhost" }, "userId");
  rejects(actionIds.usersGet, { userId: `${"a".repeat(64)}@${"b".repeat(45)}.com` }, "userId");
  assert.ok(accepts(actionIds.usersGet, { userId: `${"a".repeat(64)}@${"b".repeat(44)}.com` }), "113 characters");
  rejects(actionIds.usersGet, {}, "userId");
  rejects(actionIds.usersRestore, { userId: upn }, "userId");
});

test("user properties: Microsoft's lengths, two-letter usage location, at least one change", () => {
  const update = (changes: object) => ({ userId: upn, changes });
  rejects(actionIds.usersUpdateProperties, update({}), "changes");
  rejects(actionIds.usersUpdateProperties, update({ displayName: "x".repeat(257) }), "changes.displayName");
  rejects(actionIds.usersUpdateProperties, update({ displayName: "   " }), "changes.displayName");
  rejects(actionIds.usersUpdateProperties, update({ displayName: null }), "changes.displayName");
  rejects(actionIds.usersUpdateProperties, update({ employeeId: "x".repeat(17) }), "changes.employeeId");
  rejects(actionIds.usersUpdateProperties, update({ usageLocation: "DEU" }), "changes.usageLocation");
  rejects(actionIds.usersUpdateProperties, update({ jobTitle: "Line\u0007break" }), "changes.jobTitle");
  rejects(actionIds.usersUpdateProperties, update({ mailNickname: "ada lovelace" }), "changes.mailNickname");
  rejects(actionIds.usersUpdateProperties, update({ accountEnabled: false }));
  rejects(actionIds.usersUpdateProperties, update({ aboutMe: "hi" }));
  assert.ok(accepts(actionIds.usersUpdateProperties, update({ streetAddress: "x".repeat(1024), city: null })));
  rejects(actionIds.usersUpdatePhones, update({ businessPhones: ["1", "2"] }), "changes.businessPhones");
  rejects(actionIds.usersUpdatePhones, update({ mobilePhone: "9".repeat(65) }), "changes.mobilePhone");
  rejects(actionIds.usersUpdatePhones, update({ displayName: "Ada" }));
  rejects(actionIds.usersUpdateOtherMails, update({ otherMails: ["not-an-address"] }), "changes.otherMails.0");
  assert.ok(accepts(actionIds.usersUpdateOtherMails, update({ otherMails: [] })), "an empty list clears them");
});

test("passwords: generated, or custom with Entra's complexity; the user changes it at next sign-in by default", () => {
  const reset = actionById(actionIds.usersResetPassword).input;
  const parsed = reset.parse({ userId: upn, password: { mode: "generate" } });
  assert.deepEqual(parsed, { userId: upn, password: { mode: "generate" }, forceChangePasswordNextSignIn: true });
  assert.ok(accepts(actionIds.usersResetPassword, { userId: upn, password: { mode: "custom", value: "Tr0ub4dor&3" }, forceChangePasswordNextSignIn: false }));
  rejects(actionIds.usersResetPassword, { userId: upn, password: { mode: "custom", value: "password" } }, "password.value");
  rejects(actionIds.usersResetPassword, { userId: upn, password: { mode: "custom", value: "Sh0rt!" } }, "password.value");
  rejects(actionIds.usersResetPassword, { userId: upn, password: { mode: "custom" } }, "password.value");
  rejects(actionIds.usersResetPassword, { userId: upn, password: { mode: "generate", value: "Tr0ub4dor&3" } });
  rejects(actionIds.usersResetPassword, { userId: upn, password: { mode: "email" } });
});

test("creating and inviting users", () => {
  const create = validSamples[actionIds.usersCreate] as Record<string, unknown>;
  const parsed = actionById(actionIds.usersCreate).input.parse(create) as Record<string, unknown>;
  assert.equal(parsed.accountEnabled, true);
  assert.equal(parsed.forceChangePasswordNextSignIn, true);
  const { mailNickname: _omitted, ...withoutNickname } = create;
  rejects(actionIds.usersCreate, withoutNickname, "mailNickname");
  rejects(actionIds.usersCreate, { ...create, templateId: "t".repeat(65) }, "templateId");
  rejects(actionIds.usersInviteGuest, { email: "grace@example.org", redirectUrl: "http://example.org" }, "redirectUrl");
  rejects(actionIds.usersInviteGuest, { email: "grace", redirectUrl: "https://example.org" }, "email");
});

test("licences: by id or part number with disabled plans; something to change, never the same licence both ways", () => {
  assert.ok(accepts(actionIds.licensesAssignUser, { userId: upn, add: [{ sku: "Microsoft_365_E5_(no_Teams)" }] }), "part numbers with parentheses");
  rejects(actionIds.licensesAssignUser, { userId: upn });
  rejects(actionIds.licensesAssignUser, { userId: upn, add: [], remove: [] });
  rejects(actionIds.licensesAssignUser, { userId: upn, add: [{ sku: "spe_e5" }], remove: ["SPE_E5"] });
  rejects(actionIds.licensesAssignUser, { userId: upn, add: [{ sku: "S".repeat(129) }] }, "add.0.sku");
  rejects(actionIds.licensesAssignUser, { userId: upn, add: [{ sku: "SPE_E5", plans: [] }] });
  rejects(actionIds.licensesAssignGroup, { groupId: "Sales", add: [{ sku: skuGuid }] }, "groupId");
});

test("groups: object ids, Microsoft's mail alias rules, visibility Public or Private", () => {
  const update = (changes: object) => ({ groupId: groupGuid, changes });
  rejects(actionIds.groupsAddMember, { groupId: groupGuid, memberId: upn }, "memberId");
  rejects(actionIds.groupsUpdateProperties, update({}), "changes");
  rejects(actionIds.groupsUpdateProperties, update({ visibility: "HiddenMembership" }), "changes.visibility");
  rejects(actionIds.groupsUpdateProperties, update({ mailNickname: "sales team" }), "changes.mailNickname");
  rejects(actionIds.groupsUpdateProperties, update({ mailNickname: "sales@contoso" }), "changes.mailNickname");
  rejects(actionIds.groupsUpdateProperties, update({ mailNickname: "vertrieb-süd" }), "changes.mailNickname");
  assert.ok(accepts(actionIds.groupsUpdateProperties, update({ mailNickname: "sales-emea.2024" })));
  rejects(actionIds.groupsListMembers, { groupId: groupGuid, top: 1000 }, "top");
  rejects(actionIds.rolesListAssignments, { roleDefinitionId: "Global Administrator" }, "roleDefinitionId");
  rejects(actionIds.tenantGetOrganization, { tenantId: groupGuid });
});
