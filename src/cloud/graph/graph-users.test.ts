import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, GraphError, PageIterator } from "@microsoft/microsoft-graph-client";
import type { User } from "@microsoft/microsoft-graph-types";
import { type ControlApi, controlApi, graphClient, tenantWithApp } from "../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../test/support/local-cloud.ts";

let cloud: LocalCloud;
let control: ControlApi;
let contoso: Client;
let northwind: Client;

before(async () => {
  cloud = await startLocalCloud();
  control = controlApi(cloud);
  const app = cloud.ready.app!;
  const byConsent = (c: string) => cloud.ready.tenants!.find((t) => t.consent === c)!;
  contoso = graphClient(cloud, byConsent("full").id, app.appId, app.clientSecret);
  northwind = graphClient(cloud, byConsent("partial").id, app.appId, app.clientSecret);
});
after(() => cloud.stop());

async function graphFailure(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    // Every Graph error carries Microsoft's code, message, date and request id.
    assert.ok(error.code && error.message, "code and message");
    assert.match(error.requestId ?? "", /^[0-9a-f-]{36}$/);
    assert.ok(error.date instanceof Date && !Number.isNaN(error.date.getTime()));
    return error;
  }
  throw new Error("the request succeeded but was expected to fail");
}

/** The first user matching the filter who holds no directory role, directly or through a group. */
async function firstUser(client: Client, filter: string): Promise<User> {
  const page = await client.api("/users").header("ConsistencyLevel", "eventual").query({ $count: "true" }).filter(filter).top(40).select("id,userPrincipalName,usageLocation,onPremisesSyncEnabled,assignedLicenses,accountEnabled").get();
  for (const user of page.value as User[]) {
    const memberOf = (await client.api(`/users/${user.id}/transitiveMemberOf`).top(999).get()).value as { "@odata.type": string; isAssignableToRole?: boolean }[];
    const owned = (await client.api(`/users/${user.id}/ownedObjects`).top(999).get()).value as { isAssignableToRole?: boolean }[];
    const privileged = memberOf.some((m) => m["@odata.type"] === "#microsoft.graph.directoryRole" || m.isAssignableToRole) || owned.some((o) => o.isAssignableToRole);
    if (!privileged) return user;
  }
  throw new Error(`no user without a role matches ${filter}`);
}

describe("reading users", () => {
  test("PageIterator walks every user of a 2,500-user tenant exactly once", async () => {
    const t = await tenantWithApp(cloud, control, { userCount: 2500, permissions: ["User.Read.All"] });
    const first = await t.graph.api("/users").top(999).select("id,displayName").get();
    const ids = new Set<string>();
    const iterator = new PageIterator(t.graph, first, (user: User) => {
      ids.add(user.id!);
      return true;
    });
    await iterator.iterate();
    assert.equal(ids.size, 2500);
  });

  test("$filter, $search, $orderby and $count follow Graph's advanced query rules", async () => {
    const byStart = await contoso.api("/users").filter("startsWith(displayName,'a')").select("displayName").get();
    assert.ok(byStart.value.length > 0);
    for (const u of byStart.value as User[]) assert.match(u.displayName!, /^a/i);

    const notEqual = await graphFailure(contoso.api("/users").filter("accountEnabled ne true").get());
    assert.equal(notEqual.statusCode, 400);
    assert.equal(notEqual.code, "Request_UnsupportedQuery");

    const disabled = await contoso.api("/users").header("ConsistencyLevel", "eventual").query({ $count: "true" }).filter("accountEnabled ne true").select("accountEnabled").get();
    assert.ok(disabled["@odata.count"] > 0);
    assert.equal(disabled["@odata.count"], disabled.value.length);
    for (const u of disabled.value as User[]) assert.equal(u.accountEnabled, false);

    const searchWithoutHeader = await graphFailure(contoso.api("/users").search('"displayName:adm"').get());
    assert.equal(searchWithoutHeader.statusCode, 400);

    const top = await graphFailure(contoso.api("/users").top(1000).get());
    assert.equal(top.code, "Request_UnsupportedQuery");
    assert.match(top.message, /between 1 and 999/);
  });

  test("get by id and by userPrincipalName, with $select and default properties", async () => {
    const admin = cloud.ready.tenants!.find((t) => t.consent === "full")!;
    const byUpn = (await contoso.api(`/users/admin@${admin.domain}`).get()) as User & Record<string, unknown>;
    assert.equal(byUpn.userPrincipalName, `admin@${admin.domain}`);
    assert.ok("businessPhones" in byUpn && "jobTitle" in byUpn);
    assert.ok(!("department" in byUpn));
    const byId = (await contoso.api(`/users/${byUpn.id}`).select("department,onPremisesSyncEnabled").get()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(byId).filter((k) => !k.startsWith("@")).sort(), ["department", "onPremisesSyncEnabled"]);
    const missing = await graphFailure(contoso.api("/users/00000000-0000-0000-0000-000000000000").get());
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.code, "Request_ResourceNotFound");
  });
});

describe("errors", () => {
  test("every Graph error has code, message, innerError.date and request-id", async () => {
    const responses = await Promise.all([
      fetch(`${cloud.url}/v1.0/users`),
      fetch(`${cloud.url}/v1.0/users`, { headers: { Authorization: "Bearer not-a-token" } }),
    ]);
    for (const response of responses) {
      const body = (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
      assert.equal(response.status, 401);
      assert.equal(body.error.code, "InvalidAuthenticationToken");
      assert.ok(body.error.message.length > 0);
      assert.match(body.error.innerError.date!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.equal(body.error.innerError["request-id"], response.headers.get("request-id"));
    }
  });
});

describe("Microsoft's authorisation rules", () => {
  test("a permission missing from the token gives 403 Authorization_RequestDenied; granted, it works", async () => {
    const target = await firstUser(northwind, "accountEnabled eq true");
    const denied = await graphFailure(northwind.api(`/users/${target.id}`).patch({ jobTitle: "Denied" }));
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.code, "Authorization_RequestDenied");
    assert.equal(denied.message, "Insufficient privileges to complete the operation.");
    const member = await firstUser(contoso, "onPremisesSyncEnabled ne true and userType eq 'Member'");
    await contoso.api(`/users/${member.id}`).patch({ jobTitle: "Allowed" });
    assert.equal((await contoso.api(`/users/${member.id}`).select("jobTitle").get()).jobTitle, "Allowed");
  });

  test("each narrow permission covers only its own properties", async () => {
    const phones = await tenantWithApp(cloud, control, { permissions: ["User.Read.All", "User-Phone.ReadWrite.All"] });
    const user = await firstUser(phones.graph, "userType eq 'Member'");
    await phones.graph.api(`/users/${user.id}`).patch({ mobilePhone: "+1 555 0100", businessPhones: ["+1 555 0101"] });
    assert.equal((await graphFailure(phones.graph.api(`/users/${user.id}`).patch({ otherMails: ["x@example.com"] }))).statusCode, 403);
    assert.equal((await graphFailure(phones.graph.api(`/users/${user.id}`).patch({ accountEnabled: false }))).statusCode, 403);

    const enable = await tenantWithApp(cloud, control, { permissions: ["User.Read.All", "User.EnableDisableAccount.All"] });
    const other = await firstUser(enable.graph, "userType eq 'Member'");
    await enable.graph.api(`/users/${other.id}`).patch({ accountEnabled: false });
    assert.equal((await graphFailure(enable.graph.api(`/users/${other.id}`).patch({ department: "x" }))).statusCode, 403);

    const mails = await tenantWithApp(cloud, control, { permissions: ["User.Read.All", "User-Mail.ReadWrite.All"] });
    const mailUser = await firstUser(mails.graph, "userType eq 'Member'");
    await mails.graph.api(`/users/${mailUser.id}`).patch({ otherMails: ["backup@example.com"] });
    assert.deepEqual((await mails.graph.api(`/users/${mailUser.id}`).select("otherMails").get()).otherMails, ["backup@example.com"]);
    assert.equal((await graphFailure(mails.graph.api(`/users/${mailUser.id}`).patch({ mobilePhone: "+1 555 0102" }))).statusCode, 403);

    const contosoUser = await firstUser(contoso, "userType eq 'Member'");
    const aboutMe = await graphFailure(contoso.api(`/users/${contosoUser.id}`).patch({ aboutMe: "hi" }));
    assert.equal(aboutMe.statusCode, 403);
    assert.match(aboutMe.message, /application permissions/);
  });

  test("passwordProfile needs the permission and at least User Administrator on the service principal", async () => {
    const withoutRole = await tenantWithApp(cloud, control, { permissions: ["User.Read.All", "User-PasswordProfile.ReadWrite.All"] });
    const user = await firstUser(withoutRole.graph, "userType eq 'Member'");
    const profile = { passwordProfile: { password: "Str0ng!Passw0rd", forceChangePasswordNextSignIn: true } };
    assert.equal((await graphFailure(withoutRole.graph.api(`/users/${user.id}`).patch(profile))).statusCode, 403);
    const withRole = await tenantWithApp(cloud, control, { permissions: ["User.Read.All", "User-PasswordProfile.ReadWrite.All"], roles: ["User Administrator"] });
    const member = await firstUser(withRole.graph, "userType eq 'Member' and onPremisesSyncEnabled eq null");
    await withRole.graph.api(`/users/${member.id}`).patch(profile);
    const weak = await graphFailure(withRole.graph.api(`/users/${member.id}`).patch({ passwordProfile: { password: "password" } }));
    assert.equal(weak.code, "Request_BadRequest");
    assert.match(weak.message, /password complexity/);
  });

  test("sensitive actions on administrators follow Microsoft's tables", async () => {
    const userAdmin = await tenantWithApp(cloud, control, { permissions: ["User.ReadWrite.All"], roles: ["User Administrator"] });
    const globalAdmin = await userAdmin.graph.api(`/users/admin@${userAdmin.domain}`).get();
    const helpdesk = await userAdmin.graph.api(`/users/helpdesk@${userAdmin.domain}`).get();
    const denied = await graphFailure(userAdmin.graph.api(`/users/${globalAdmin.id}`).patch({ mobilePhone: "+1 555 0199" }));
    assert.equal(denied.statusCode, 403);
    assert.equal((await graphFailure(userAdmin.graph.api(`/users/${globalAdmin.id}`).delete())).statusCode, 403);
    await userAdmin.graph.api(`/users/${globalAdmin.id}`).patch({ jobTitle: "Not sensitive" });
    await userAdmin.graph.api(`/users/${helpdesk.id}`).patch({ mobilePhone: "+1 555 0198" });

    const privileged = await tenantWithApp(cloud, control, { permissions: ["User.ReadWrite.All"], roles: ["Privileged Authentication Administrator"] });
    const otherGlobal = await privileged.graph.api(`/users/admin@${privileged.domain}`).get();
    await privileged.graph.api(`/users/${otherGlobal.id}`).patch({ mobilePhone: "+1 555 0197" });
  });

  test("on-premises-mastered properties of a synced user are refused; licences, usage location and groups are not", async () => {
    const synced = await firstUser(contoso, "onPremisesSyncEnabled eq true");
    const refused = await graphFailure(contoso.api(`/users/${synced.id}`).patch({ department: "Cloud edit" }));
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.code, "Request_BadRequest");
    assert.equal(refused.message, "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");
    await contoso.api(`/users/${synced.id}`).patch({ usageLocation: "NL" });
    const manager = await graphFailure(contoso.api(`/users/${synced.id}/manager/$ref`).put({ "@odata.id": `${cloud.url}/v1.0/users/${synced.id}` }));
    assert.match(manager.message, /on-premises mastered/, "a synced user's manager comes from Active Directory");
    const skus = (await contoso.api("/subscribedSkus").get()).value as { skuId: string; consumedUnits: number; prepaidUnits: { enabled: number } }[];
    const held = new Set((synced.assignedLicenses ?? []).map((l) => l.skuId));
    const free = skus.find((s) => s.prepaidUnits.enabled > s.consumedUnits && !held.has(s.skuId))!;
    await contoso.api(`/users/${synced.id}/assignLicense`).post({ addLicenses: [{ skuId: free.skuId, disabledPlans: [] }], removeLicenses: [] });
    const licensed = await contoso.api(`/users/${synced.id}`).select("assignedLicenses").get();
    assert.ok((licensed.assignedLicenses as { skuId: string }[]).some((l) => l.skuId === free.skuId));
    const groups = await contoso.api("/groups").filter("securityEnabled eq true and mailEnabled eq false").select("id,groupTypes,isAssignableToRole,onPremisesSyncEnabled").top(50).get();
    const group = (groups.value as { id: string; groupTypes: string[]; isAssignableToRole: boolean | null; onPremisesSyncEnabled: boolean | null }[]).find((g) => g.groupTypes.length === 0 && !g.isAssignableToRole && !g.onPremisesSyncEnabled)!;
    const members = await contoso.api(`/groups/${group.id}/members`).select("id").top(999).get();
    if ((members.value as { id: string }[]).some((m) => m.id === synced.id)) await contoso.api(`/groups/${group.id}/members/${synced.id}/$ref`).delete();
    await contoso.api(`/groups/${group.id}/members/$ref`).post({ "@odata.id": `${cloud.url}/v1.0/directoryObjects/${synced.id}` });
    const after = await contoso.api(`/users/${synced.id}`).select("usageLocation").get();
    assert.equal(after.usageLocation, "NL");
  });
});

describe("licences", () => {
  test("assignLicense keeps consumed units true, refuses without usage location or units, and shows group licences", async () => {
    const t = await tenantWithApp(cloud, control, { size: "M", permissions: ["User.ReadWrite.All", "LicenseAssignment.ReadWrite.All", "Organization.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All"] });
    const skus = (await t.graph.api("/subscribedSkus").get()).value as { skuId: string; consumedUnits: number; prepaidUnits: { enabled: number }; servicePlans: { servicePlanId: string }[] }[];
    const user = await firstUser(t.graph, "userType eq 'Member' and onPremisesSyncEnabled eq null and usageLocation ne null");
    const held = new Set((user.assignedLicenses ?? []).map((l) => l.skuId));
    const open = skus.find((s) => s.prepaidUnits.enabled - s.consumedUnits >= 2 && !held.has(s.skuId))!;
    const full = skus.find((s) => s.prepaidUnits.enabled === s.consumedUnits);
    const plan = open.servicePlans[0]!.servicePlanId;
    const before = ((await t.graph.api("/subscribedSkus").get()).value as typeof skus).find((s) => s.skuId === open.skuId)!.consumedUnits;
    const response = await t.graph.api(`/users/${user.id}/assignLicense`).post({ addLicenses: [{ skuId: open.skuId, disabledPlans: [plan] }], removeLicenses: [] });
    assert.equal(response.id, user.id);
    const updated = await t.graph.api(`/users/${user.id}`).select("assignedLicenses").get();
    assert.ok((updated.assignedLicenses as { skuId: string; disabledPlans: string[] }[]).some((l) => l.skuId === open.skuId && l.disabledPlans.includes(plan)));
    const afterAssign = ((await t.graph.api("/subscribedSkus").get()).value as typeof skus).find((s) => s.skuId === open.skuId)!.consumedUnits;
    assert.equal(afterAssign, before + 1);
    const details = await t.graph.api(`/users/${user.id}/licenseDetails`).get();
    const detail = (details.value as { skuId: string; servicePlans: { servicePlanId: string; provisioningStatus: string }[] }[]).find((d) => d.skuId === open.skuId)!;
    assert.equal(detail.servicePlans.find((p) => p.servicePlanId === plan)!.provisioningStatus, "Disabled");

    const noLocation = await firstUser(t.graph, "usageLocation eq null and userType eq 'Member'");
    const refused = await graphFailure(t.graph.api(`/users/${noLocation.id}/assignLicense`).post({ addLicenses: [{ skuId: open.skuId }], removeLicenses: [] }));
    assert.equal(refused.message, "License assignment cannot be done for user with invalid usage location.");

    assert.ok(full, "an M tenant has one SKU fully consumed");
    const unlicensed = await firstUser(t.graph, `userType eq 'Member' and usageLocation ne null and not(assignedLicenses/any(x:x/skuId eq ${full.skuId}))`);
    const none = await graphFailure(t.graph.api(`/users/${unlicensed.id}/assignLicense`).post({ addLicenses: [{ skuId: full.skuId }], removeLicenses: [] }));
    assert.match(none.message, /does not have any available licenses/);

    const group = await t.graph.api("/groups").post({ displayName: "Licensed group", mailEnabled: false, mailNickname: "licensed", securityEnabled: true });
    await t.graph.api(`/groups/${group.id}/members/$ref`).post({ "@odata.id": `${cloud.url}/v1.0/directoryObjects/${user.id}` });
    await t.graph.api(`/users/${user.id}/assignLicense`).post({ addLicenses: [], removeLicenses: [open.skuId] });
    await t.graph.api(`/groups/${group.id}/assignLicense`).post({ addLicenses: [{ skuId: open.skuId, disabledPlans: [] }], removeLicenses: [] });
    const states = (await t.graph.api(`/users/${user.id}`).select("licenseAssignmentStates").get()).licenseAssignmentStates as { skuId: string; assignedByGroup: string | null }[];
    assert.ok(states.some((s) => s.skuId === open.skuId && s.assignedByGroup === group.id));
    const inherited = await graphFailure(t.graph.api(`/users/${user.id}/assignLicense`).post({ addLicenses: [], removeLicenses: [open.skuId] }));
    assert.match(inherited.message, /inherited from a group membership/);

    // No seat left: Entra still assigns the group's licence, and the member shows it in error, taking no seat.
    {
      const seatless = await firstUser(t.graph, `userType eq 'Member' and department ne null and not(assignedLicenses/any(x:x/skuId eq ${full.skuId}))`);
      const fullGroup = await t.graph.api("/groups").post({ displayName: "Over budget", mailEnabled: false, mailNickname: "overbudget", securityEnabled: true });
      await t.graph.api(`/groups/${fullGroup.id}/assignLicense`).post({ addLicenses: [{ skuId: full.skuId, disabledPlans: [] }], removeLicenses: [] });
      const before = ((await t.graph.api("/subscribedSkus").get()).value as typeof skus).find((s) => s.skuId === full.skuId)!;
      assert.equal(before.consumedUnits, before.prepaidUnits.enabled, "no seat is left");
      await t.graph.api(`/groups/${fullGroup.id}/members/$ref`).post({ "@odata.id": `${cloud.url}/v1.0/directoryObjects/${seatless.id}` });
      const after = await t.graph.api(`/users/${seatless.id}`).select("assignedLicenses,licenseAssignmentStates").get();
      const state = (after.licenseAssignmentStates as { skuId: string; assignedByGroup: string; state: string; error: string }[]).find((s) => s.assignedByGroup === fullGroup.id)!;
      assert.deepEqual([state.state, state.error], ["Error", "CountViolation"]);
      assert.ok(!(after.assignedLicenses as { skuId: string }[]).some((l) => l.skuId === full.skuId));
      const consumed = ((await t.graph.api("/subscribedSkus").get()).value as typeof skus).find((s) => s.skuId === full.skuId)!.consumedUnits;
      assert.equal(consumed, before.consumedUnits, "consumed units never exceed prepaid");
    }
  });
});

describe("lifecycle", () => {
  test("create, manager, delete, list deleted, restore, delete permanently, and the directory audit records each", async () => {
    const t = await tenantWithApp(cloud, control, { permissions: ["User.ReadWrite.All", "User.DeleteRestore.All", "AuditLog.Read.All", "Directory.Read.All"] });
    const created = await t.graph.api("/users").post({
      accountEnabled: true,
      displayName: "Ada Lovelace",
      mailNickname: "ada",
      userPrincipalName: `ada@${t.domain}`,
      passwordProfile: { password: "Analytical#Engine1", forceChangePasswordNextSignIn: true },
    });
    const duplicate = await graphFailure(t.graph.api("/users").post({ accountEnabled: true, displayName: "Ada", mailNickname: "ada2", userPrincipalName: `ada@${t.domain}`, passwordProfile: { password: "Analytical#Engine1" } }));
    assert.match(duplicate.message, /same value for property userPrincipalName/);
    const boss = await firstUser(t.graph, "userType eq 'Member' and department ne null");
    await t.graph.api(`/users/${created.id}/manager/$ref`).put({ "@odata.id": `${cloud.url}/v1.0/users/${boss.id}` });
    assert.equal((await t.graph.api(`/users/${created.id}/manager`).get()).id, boss.id);

    await t.graph.api(`/users/${created.id}`).delete();
    assert.equal((await graphFailure(t.graph.api(`/users/${created.id}`).get())).statusCode, 404);
    const deleted = await t.graph.api("/directory/deletedItems/microsoft.graph.user").select("id,deletedDateTime").get();
    assert.ok((deleted.value as { id: string }[]).some((u) => u.id === created.id));
    await t.graph.api(`/directory/deletedItems/${created.id}/restore`).post({});
    assert.equal((await t.graph.api(`/users/${created.id}`).get()).userPrincipalName, `ada@${t.domain}`);
    await t.graph.api(`/users/${created.id}`).delete();
    await t.graph.api(`/directory/deletedItems/${created.id}`).delete();
    assert.equal((await graphFailure(t.graph.api(`/directory/deletedItems/${created.id}`).get())).statusCode, 404);

    const invitation = { invitedUserEmailAddress: "grace@example.com", inviteRedirectUrl: "https://myapps.microsoft.com" };
    const t2 = await tenantWithApp(cloud, control, { permissions: ["User.Invite.All", "User.Read.All"] });
    const invited = await t2.graph.api("/invitations").post(invitation);
    assert.equal(invited.status, "PendingAcceptance");
    const guest = await t2.graph.api(`/users/${invited.invitedUser.id}`).select("userType,userPrincipalName,creationType").get();
    assert.deepEqual([guest.userType, guest.creationType], ["Guest", "Invitation"]);
    assert.match(guest.userPrincipalName, /^grace_example\.com#EXT#@/);
    assert.equal((await t2.graph.api("/invitations").post(invitation)).invitedUser.id, invited.invitedUser.id, "inviting again answers with the same guest");

    const audits = await t.graph.api("/auditLogs/directoryAudits").top(50).get();
    const activities = (audits.value as { activityDisplayName: string; targetResources: { id: string }[] }[]).filter((a) => a.targetResources.some((r) => r.id === created.id)).map((a) => a.activityDisplayName);
    for (const activity of ["Add user", "Set manager", "Delete user", "Restore user", "Hard delete user"]) assert.ok(activities.includes(activity), `${activity} in ${activities}`);
  });

  test("group kinds: members of a dynamic group are read-only, owners and members of others change", async () => {
    const t = await tenantWithApp(cloud, control, { size: "M", permissions: ["Group.ReadWrite.All", "GroupMember.ReadWrite.All", "User.Read.All"] });
    const groups = (await t.graph.api("/groups").select("id,groupTypes,mailEnabled,securityEnabled").top(999).get()).value as { id: string; groupTypes: string[]; mailEnabled: boolean; securityEnabled: boolean }[];
    const dynamic = groups.find((g) => g.groupTypes.includes("DynamicMembership"))!;
    const unified = groups.find((g) => g.groupTypes.includes("Unified") && !g.groupTypes.includes("DynamicMembership"))!;
    const user = await firstUser(t.graph, "userType eq 'Member'");
    const ref = { "@odata.id": `${cloud.url}/v1.0/directoryObjects/${user.id}` };
    assert.equal((await graphFailure(t.graph.api(`/groups/${dynamic.id}/members/$ref`).post(ref))).statusCode, 400);
    const current = (await t.graph.api(`/groups/${unified.id}/members`).select("id").top(999).get()).value as { id: string }[];
    if (current.some((m) => m.id === user.id)) await t.graph.api(`/groups/${unified.id}/members/${user.id}/$ref`).delete();
    await t.graph.api(`/groups/${unified.id}/members/$ref`).post(ref);
    const twice = await graphFailure(t.graph.api(`/groups/${unified.id}/members/$ref`).post(ref));
    assert.match(twice.message, /already exist/);
    const memberOf = (await t.graph.api(`/users/${user.id}/memberOf`).top(999).get()).value as { id: string }[];
    assert.ok(memberOf.some((g) => g.id === unified.id));
    await t.graph.api(`/groups/${unified.id}`).patch({ description: "Changed", visibility: "Private" });
    assert.equal((await t.graph.api(`/groups/${unified.id}`).get()).visibility, "Private");

    const security = await t.graph.api("/groups").post({ displayName: "Nested", mailEnabled: false, mailNickname: "nested", securityEnabled: true });
    const groupRef = { "@odata.id": `${cloud.url}/v1.0/directoryObjects/${security.id}` };
    assert.match((await graphFailure(t.graph.api(`/groups/${unified.id}/members/$ref`).post(groupRef))).message, /only users as members/);
    const parent = await t.graph.api("/groups").post({ displayName: "Parent", mailEnabled: false, mailNickname: "parent", securityEnabled: true });
    await t.graph.api(`/groups/${parent.id}/members/$ref`).post(groupRef);
    const roleGroup = await graphFailure(t.graph.api("/groups").post({ displayName: "Admins", mailEnabled: false, mailNickname: "admins", securityEnabled: true, isAssignableToRole: true }));
    assert.equal(roleGroup.statusCode, 403, "a role-assignable group needs RoleManagement.ReadWrite.Directory and a privileged role");

    await t.graph.api(`/groups/${unified.id}`).delete();
    const deletedGroup = await graphFailure(t.graph.api(`/directory/deletedItems/${unified.id}`).delete());
    assert.equal(deletedGroup.statusCode, 403, "a deleted group cannot be purged with application permissions");
    assert.equal((await t.graph.api(`/directory/deletedItems/${unified.id}/restore`).post({})).id, unified.id);
  });
});
