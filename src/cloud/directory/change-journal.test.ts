import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { generateTenant, recipeFor } from "../seed/tenant-generator.ts";
import { CloudState } from "./cloud-state.ts";
import type { GroupRecord, UserRecord } from "./model.ts";
import type { TenantDirectory } from "./tenant-directory.ts";

/** A generated tenant, and the same state object to change it through, once the generation turn has passed. */
async function generated(domain: string): Promise<{ state: CloudState; directory: TenantDirectory }> {
  const state = new CloudState(generateTenant);
  const recipe = recipeFor({ displayName: domain, domain, userCount: 80 });
  state.apply({ op: "tenant.generate", recipe });
  await Promise.resolve();
  return { state, directory: state.tenant(recipe.tenantId)! };
}

function someUser(directory: TenantDirectory, index = 0): UserRecord {
  const id = [...directory.userIds.from(undefined)].filter((i) => !directory.user(i)!.deletedDateTime)[index]!;
  return directory.user(id)!;
}

function groupWithMembers(directory: TenantDirectory): GroupRecord {
  for (const id of directory.groupIds.from(undefined)) {
    const group = directory.group(id)!;
    if (!group.deletedDateTime && directory.membersOf(id).size > 1) return group;
  }
  throw new Error("no group with members");
}

describe("change journal", () => {
  test("a generated tenant is the baseline: sequence 0, nothing changed", async () => {
    const { directory } = await generated("baseline.onmicrosoft.com");
    assert.ok(directory.userIds.size > 50);
    assert.equal(directory.journal.sequence, 0);
    assert.deepEqual(directory.journal.changedAfter("user", 0), []);
    assert.deepEqual(directory.journal.changedAfter("group", 0), []);
    assert.equal(directory.journal.lastChanged("user", someUser(directory).id), 0);
  });

  test("an update records the fields that changed, each after its own sequence", async () => {
    const { state, directory } = await generated("update.onmicrosoft.com");
    const user = someUser(directory);
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...user, jobTitle: "Pilot" } });
    const afterFirst = directory.journal.sequence;
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...directory.user(user.id)!, city: "Oslo", businessPhones: ["+47 1"] } });
    // Putting an identical record is not a change.
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...directory.user(user.id)!, businessPhones: ["+47 1"] } });

    assert.equal(directory.journal.sequence, 2);
    assert.deepEqual(directory.journal.changedAfter("user", 0), [user.id]);
    assert.deepEqual([...(directory.journal.fieldsChangedSince("user", user.id, 0) as Set<string>)].sort(), ["businessPhones", "city", "jobTitle"]);
    assert.deepEqual([...(directory.journal.fieldsChangedSince("user", user.id, afterFirst) as Set<string>)].sort(), ["businessPhones", "city"]);
    assert.deepEqual(directory.journal.changedAfter("user", directory.journal.sequence), []);
  });

  test("created and restored objects are new to a reader; soft and hard deletes are numbered", async () => {
    const { state, directory } = await generated("lifecycle.onmicrosoft.com");
    const template = someUser(directory);
    const created: UserRecord = { ...template, id: "ffffffff-0000-4000-8000-000000000001", userPrincipalName: "new@lifecycle.onmicrosoft.com" };
    state.apply({ op: "object.put", tenantId: directory.id, record: created });
    assert.equal(directory.journal.fieldsChangedSince("user", created.id, 0), "all");

    const beforeDelete = directory.journal.sequence;
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...template, deletedDateTime: "2030-01-01T00:00:00Z" } });
    assert.deepEqual([...(directory.journal.fieldsChangedSince("user", template.id, beforeDelete) as Set<string>)], ["deletedDateTime"]);
    const beforeRestore = directory.journal.sequence;
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...template, deletedDateTime: null } });
    assert.equal(directory.journal.fieldsChangedSince("user", template.id, beforeRestore), "all");

    const beforePurge = directory.journal.sequence;
    state.apply({ op: "object.purge", tenantId: directory.id, id: created.id });
    assert.ok(directory.journal.lastChanged("user", created.id) > beforePurge, "the purged user keeps a tombstone");
    assert.ok(directory.journal.changedAfter("user", beforePurge).includes(created.id));
  });

  test("membership links, and deleting a member, touch the group; a purged group's own links are not logged", async () => {
    const { state, directory } = await generated("members.onmicrosoft.com");
    const group = groupWithMembers(directory);
    const [first, second] = [...directory.membersOf(group.id)] as [string, string];
    const outsider = [...directory.userIds.from(undefined)].find((id) => !directory.membersOf(group.id).has(id) && !directory.user(id)!.deletedDateTime)!;

    state.apply({ op: "member.add", tenantId: directory.id, groupId: group.id, memberId: outsider });
    state.apply({ op: "member.remove", tenantId: directory.id, groupId: group.id, memberId: first });
    const afterLinks = directory.journal.sequence;
    state.apply({ op: "object.put", tenantId: directory.id, record: { ...directory.user(second)!, deletedDateTime: "2030-01-01T00:00:00Z" } });

    const touched = directory.journal.membershipTouched(0, directory.journal.sequence).get(group.id)!;
    assert.deepEqual([...touched.keys()].sort(), [outsider, first, second].sort());
    assert.equal(touched.get(first)?.memberKind, "user");
    assert.deepEqual([...directory.journal.membershipTouched(afterLinks, directory.journal.sequence).get(group.id)!.keys()], [second]);
    assert.deepEqual([...(directory.journal.fieldsChangedSince("group", group.id, 0) as Set<string>)], ["members"]);

    const beforePurge = directory.journal.sequence;
    const memberCount = directory.membersOf(group.id).size;
    assert.ok(memberCount > 0);
    state.apply({ op: "object.purge", tenantId: directory.id, id: group.id });
    assert.equal(directory.journal.membershipTouched(beforePurge, directory.journal.sequence).get(group.id), undefined);
    assert.equal(directory.journal.sequence, beforePurge + 1, "one tombstone, no link events");
  });

  test("a much-changed object keeps a bounded history that still names every changed field", async () => {
    const { state, directory } = await generated("bounded.onmicrosoft.com");
    const user = someUser(directory);
    const fields = ["jobTitle", "department", "city", "state", "country", "postalCode", "streetAddress", "officeLocation", "companyName", "employeeId", "mobilePhone", "preferredLanguage"] as const;
    for (const field of fields) state.apply({ op: "object.put", tenantId: directory.id, record: { ...directory.user(user.id)!, [field]: `changed ${field}` } });
    assert.deepEqual([...(directory.journal.fieldsChangedSince("user", user.id, 0) as Set<string>)].sort(), [...fields].sort());
    const sinceLast = directory.journal.fieldsChangedSince("user", user.id, directory.journal.sequence - 1) as Set<string>;
    assert.deepEqual([...sinceLast], ["preferredLanguage"]);
  });
});
