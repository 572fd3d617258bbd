import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { actionIds } from "./action-ids.ts";
import { actionById, catalog } from "./catalog.ts";
import { entraRoleByTemplateId, isKnownRoleAction } from "./entra-role-data.ts";
import { graphPermissionsFor, permissionDescription } from "./graph-permission-map.ts";
import { userPropertyPermissions } from "./user-property-permissions.ts";

const requests = catalog.flatMap((action) => action.graph.map((request) => ({ action, request })));
const label = (id: string, method: string, path: string) => `${id}: ${method} ${path}`;

test("every action id has exactly one action, and actionById finds it", () => {
  const ids = catalog.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  assert.deepEqual([...ids].sort(), Object.values(actionIds).sort());
  assert.equal(actionById(actionIds.usersResetPassword).title, "Reset password");
});

test("every request's chosen permission is accepted for its METHOD + path by Microsoft's permission map", () => {
  for (const { action, request } of requests) {
    const known = graphPermissionsFor(request.method, request.path);
    assert.ok(known, `${label(action.id, request.method, request.path)} is in the permission map`);
    assert.ok(known.accepted.includes(request.permission), `${label(action.id, request.method, request.path)} accepts ${request.permission}`);
  }
});

test("a permission other than Microsoft's least marker is chosen only with a reason, and least ones carry none", () => {
  for (const { action, request } of requests) {
    const known = graphPermissionsFor(request.method, request.path);
    const isLeast = known?.least.includes(request.permission) ?? false;
    const where = label(action.id, request.method, request.path);
    if (isLeast) assert.equal(request.notLeastBecause, undefined, `${where}: ${request.permission} is least, no reason needed`);
    else assert.ok((request.notLeastBecause ?? "").length > 20, `${where}: why not ${known?.least.join(", ")}?`);
  }
});

test("alternatives are accepted for the request, companions are Graph permissions, every why is a sentence", () => {
  for (const { action, request } of requests) {
    const where = label(action.id, request.method, request.path);
    const accepted = graphPermissionsFor(request.method, request.path)?.accepted ?? [];
    for (const other of request.alternatives ?? []) {
      assert.ok(accepted.includes(other), `${where}: alternative ${other} is accepted`);
      assert.notEqual(other, request.permission);
    }
    for (const companion of request.alsoRequires ?? []) assert.ok(permissionDescription(companion), `${where}: ${companion}`);
    assert.ok(permissionDescription(request.permission), `${where}: ${request.permission} is described`);
    assert.match(request.why, /^[A-Z].{15,}\.$/, `${where}: why is one sentence`);
  }
});

test("PATCH /users/{id}: each request's permission is the narrowest one covering all its properties, alternatives cover them too", () => {
  const patches = requests.filter(({ request }) => request.method === "PATCH" && request.path === "/users/{id}");
  assert.ok(patches.length >= 5);
  for (const { action, request } of patches) {
    assert.ok(request.properties && request.properties.length > 0, `${action.id} names its properties`);
    const narrowest = new Set(request.properties.map((p) => userPropertyPermissions(p)[0]));
    assert.deepEqual([...narrowest], [request.permission], `${action.id}: ${request.properties.join(", ")}`);
    for (const other of request.alternatives ?? []) {
      for (const property of request.properties) assert.ok(userPropertyPermissions(property).includes(other), `${action.id}: ${other} sets ${property}`);
    }
  }
  const enable = actionById(actionIds.usersEnable).graph.find((r) => r.method === "PATCH");
  assert.deepEqual(enable?.alsoRequires, ["User.Read.All"], "User.EnableDisableAccount.All needs a user read permission alongside");
});

test("an action's `changes` input allows exactly the properties its requests declare", () => {
  let checked = 0;
  for (const action of catalog) {
    const input = action.input;
    if (!(input instanceof z.ZodObject)) continue;
    const changes = input.shape.changes;
    if (!(changes instanceof z.ZodObject)) continue;
    const declared = action.graph.flatMap((r) => r.properties ?? []);
    assert.deepEqual([...new Set(declared)].sort(), Object.keys(changes.shape).sort(), action.id);
    checked++;
  }
  assert.equal(checked, 4);
});

test("operator role actions exist in some built-in Entra role, and every changeable property has one", () => {
  for (const action of catalog) {
    const perProperty = action.propertyRoleActions ?? {};
    for (const roleAction of [...action.operatorRoleActions, ...Object.values(perProperty)]) {
      assert.ok(isKnownRoleAction(roleAction), `${action.id}: ${roleAction}`);
    }
    assert.ok(action.operatorRoleActions.length + Object.keys(perProperty).length > 0, `${action.id} names what an operator needs`);
    if (action.operatorRoleActions.length === 0) {
      for (const property of action.graph.flatMap((r) => r.properties ?? [])) {
        assert.ok(Object.hasOwn(perProperty, property), `${action.id}: role action for ${property}`);
      }
    }
  }
});

test("service-principal roles exist, and password reset needs User Administrator", () => {
  for (const action of catalog) {
    for (const role of action.servicePrincipalRoles ?? []) {
      assert.ok(entraRoleByTemplateId(role.roleTemplateId), `${action.id}: ${role.roleTemplateId}`);
      assert.ok(role.why.length > 20);
    }
  }
  const reset = actionById(actionIds.usersResetPassword).servicePrincipalRoles ?? [];
  assert.deepEqual(
    reset.map((r) => entraRoleByTemplateId(r.roleTemplateId)?.displayName),
    ["User Administrator"],
  );
  const others = catalog.filter((a) => a.id !== actionIds.usersResetPassword && (a.servicePrincipalRoles ?? []).length > 0);
  assert.deepEqual(others.map((a) => a.id), []);
});

test("reads are read-only, writes verify, and admin-target guards read the target's roles", () => {
  for (const action of catalog) {
    if (action.kind === "read") {
      assert.ok(action.graph.every((r) => r.method === "GET"), `${action.id} only reads`);
    } else {
      assert.ok(action.graph.some((r) => r.method !== "GET"), `${action.id} writes`);
      assert.ok((action.verify ?? "").length > 10, `${action.id} says how it is verified`);
    }
    if (action.module === "reporting") assert.equal(action.kind, "read", `${action.id} is in Reporting`);
    const guard = action.guards.adminTarget;
    if (guard === "password-reset" || guard === "sensitive-action") {
      assert.ok(action.graph.some((r) => r.path === "/roleManagement/directory/roleAssignments"), `${action.id} reads the target's roles`);
    }
  }
});
