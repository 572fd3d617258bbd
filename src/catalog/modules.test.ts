import assert from "node:assert/strict";
import { test } from "node:test";
import { catalog } from "./catalog.ts";
import { compareManagementWith365Tune, managementExtras, tune365ManagementPermissions } from "./compared-with-365tune.ts";
import { entraRoleByTemplateId } from "./entra-role-data.ts";
import { graphPermissionsFor, permissionDescription } from "./graph-permission-map.ts";
import { moduleIds } from "./module-ids.ts";
import { actionsOfModule, moduleManifest } from "./modules.ts";
import { permissionsNotRequested, servicePrincipalRolesNotRequested } from "./not-requested.ts";

/** What the module's actions need, computed here from the catalog and Microsoft's map (Management includes Reporting). */
function expectedPermissions(actionModules: readonly string[]): string[] {
  const needed = new Set<string>();
  for (const action of catalog.filter((a) => actionModules.includes(a.module))) {
    for (const request of action.graph) {
      const known = graphPermissionsFor(request.method, request.path);
      assert.ok(known?.accepted.includes(request.permission), `${action.id}: ${request.method} ${request.path}`);
      needed.add(request.permission);
      for (const companion of request.alsoRequires ?? []) needed.add(companion);
    }
  }
  return [...needed].sort();
}

const names = (module: "reporting" | "management") => moduleManifest(module).permissions.map((p) => p.name);

/** Writes, by name: anything that changes, deletes, restores, enables, invites or revokes. */
const writePattern = /ReadWrite|DeleteRestore|EnableDisableAccount|Invite|RevokeSessions|\.Send$/;

test("each module's manifest is exactly what its actions' requests need according to the permission map", () => {
  assert.deepEqual(names(moduleIds.reporting), expectedPermissions(["reporting"]));
  assert.deepEqual(names(moduleIds.management), expectedPermissions(["reporting", "management"]));
});

test("Reporting holds only read actions and no write permission", () => {
  const reporting = names(moduleIds.reporting);
  assert.ok(reporting.length >= 4);
  assert.deepEqual(reporting.filter((n) => writePattern.test(n)), []);
  assert.ok(actionsOfModule(moduleIds.reporting).every((a) => a.kind === "read"));
  assert.ok(names(moduleIds.management).some((n) => writePattern.test(n)), "the pattern recognises writes");
});

test("Management includes Reporting: its actions, permissions and features", () => {
  const management = new Set(names(moduleIds.management));
  for (const name of names(moduleIds.reporting)) assert.ok(management.has(name), name);
  const managementActions = new Set(actionsOfModule(moduleIds.management).map((a) => a.id));
  for (const action of actionsOfModule(moduleIds.reporting)) assert.ok(managementActions.has(action.id), action.id);
  assert.equal(managementActions.size, catalog.length);
});

test("every manifest permission says why and which features use it", () => {
  for (const module of [moduleIds.reporting, moduleIds.management]) {
    for (const permission of moduleManifest(module).permissions) {
      assert.ok(permission.why.length > 0 && permission.why.every((w) => w.length > 20), permission.name);
      assert.ok(permission.features.length > 0, permission.name);
      assert.ok(permissionDescription(permission.name), `${permission.name} is a Graph application permission`);
    }
  }
});

test("Management is no broader than 365TUNE's list, plus Reporting's reads, plus justified extras", () => {
  const allowed = new Set([
    ...tune365ManagementPermissions.map((p) => p.name),
    ...names(moduleIds.reporting),
    ...Object.keys(managementExtras),
  ]);
  assert.deepEqual(names(moduleIds.management).filter((n) => !allowed.has(n)), []);
  const comparison = compareManagementWith365Tune();
  assert.deepEqual(
    comparison.extras.map((p) => p.name).sort(),
    Object.keys(managementExtras).sort(),
    "managementExtras lists exactly the extras the catalog needs",
  );
  for (const extra of comparison.extras) assert.ok((extra.justification ?? "").length > 20, extra.name);
  assert.deepEqual(comparison.notNeeded, [], "Tenantry offers every feature 365TUNE's Management module has");
  assert.equal(comparison.shared.length, tune365ManagementPermissions.length);
});

test("the 365TUNE list is the seed's ten permissions, all real Graph application permissions", () => {
  assert.equal(tune365ManagementPermissions.length, 10);
  for (const p of tune365ManagementPermissions) assert.ok(permissionDescription(p.name), p.name);
});

test("Management needs User Administrator for the service principal, Reporting no role", () => {
  assert.deepEqual(moduleManifest(moduleIds.reporting).servicePrincipalRoles, []);
  const roles = moduleManifest(moduleIds.management).servicePrincipalRoles;
  assert.deepEqual(
    roles.map((r) => [r.displayName, r.features]),
    [["User Administrator", ["users.reset-password"]]],
  );
});

test("what Tenantry deliberately does not request is absent from every manifest", () => {
  const management = new Set(names(moduleIds.management));
  for (const p of permissionsNotRequested) {
    assert.ok(permissionDescription(p.name), `${p.name} is a Graph application permission`);
    assert.ok(!management.has(p.name), p.name);
  }
  const roles = new Set(moduleManifest(moduleIds.management).servicePrincipalRoles.map((r) => r.roleTemplateId));
  for (const r of servicePrincipalRolesNotRequested) {
    assert.ok(entraRoleByTemplateId(r.roleTemplateId), r.roleTemplateId);
    assert.ok(!roles.has(r.roleTemplateId));
  }
});
