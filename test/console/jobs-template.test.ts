// The jobs page's pure parts, over the real catalog: the template form read from an action's JSON Schema, and
// the selections other pages link to.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { catalog } from "../../src/catalog/catalog.ts";
import { searchFromParam, usersFromParam } from "../../web/src/pages/jobs/job-selection.ts";
import { TemplateFieldError, targetPropertyOf, templateFields, templateOf } from "../../web/src/pages/jobs/template-fields.ts";

const inputOf = (id: string) => z.toJSONSchema(catalog.find((action) => action.id === id)!.input, { io: "input" }) as Record<string, unknown>;

describe("a bulk job's template form", () => {
  test("users.update-properties: every property of changes is a field, the target is not; only what is filled is sent", () => {
    const input = inputOf("users.update-properties");
    assert.equal(targetPropertyOf(input), "userId");
    const fields = templateFields(input);
    assert.ok(!fields.some((f) => f.name === "userId"));
    const department = fields.find((f) => f.path === "changes.department");
    assert.deepEqual([department?.kind, department?.maxLength, department?.required], ["text", 64, false]);
    assert.deepEqual(templateOf(fields, { "changes.department": "  Sales ", "changes.jobTitle": "" }), { changes: { department: "Sales" } });
  });

  test("groups.add-member: the members are the targets, the group is a required field of every item", () => {
    const input = inputOf("groups.add-member");
    assert.equal(targetPropertyOf(input), "memberId");
    const fields = templateFields(input);
    assert.deepEqual(
      fields.map((f) => [f.path, f.required]),
      [["groupId", true]],
    );
    assert.throws(() => templateOf(fields, {}), (error: unknown) => error instanceof TemplateFieldError && error.path === "groupId");
  });

  test("licenses.assign-user: lists of text are lines, nested objects are JSON with an example of their shape", () => {
    const fields = templateFields(inputOf("licenses.assign-user"));
    const byPath = new Map(fields.map((f) => [f.path, f]));
    assert.equal(byPath.get("remove")?.kind, "list");
    assert.equal(byPath.get("add")?.kind, "json");
    assert.deepEqual(JSON.parse(byPath.get("add")?.example ?? "null"), [{ sku: "…" }]);
    assert.deepEqual(templateOf(fields, { add: '[{"sku": "SPE_E3"}]', remove: "EMS\n\n FLOW_FREE " }), { add: [{ sku: "SPE_E3" }], remove: ["EMS", "FLOW_FREE"] });
    assert.throws(() => templateOf(fields, { add: "[{sku" }), /Not JSON/);
  });

  test("users.reset-password: a yes/no field with the action's default", () => {
    const force = templateFields(inputOf("users.reset-password")).find((f) => f.path === "forceChangePasswordNextSignIn");
    assert.deepEqual([force?.kind, force?.defaultValue], ["yes-no", true]);
  });
});

describe("selections linked from other pages", () => {
  test("users=tenantId:userId pairs are grouped by tenant; repeats are dropped and malformed pairs counted", () => {
    assert.deepEqual(usersFromParam("t1:a,t2:b,t1:c,t1:a,bad,x:y:z"), {
      targets: [
        { tenant: "t1", ids: ["a", "c"] },
        { tenant: "t2", ids: ["b"] },
      ],
      count: 3,
      malformed: 2,
    });
  });

  test("a search is read in the users page's spelling or the API's; a filter a job cannot apply is refused, not dropped", () => {
    assert.deepEqual(searchFromParam(JSON.stringify({ q: " ann ", tenant: "all", guest: "false", sort: "displayName", adminRole: "any" })), { search: { text: "ann", guest: false, adminRole: "any" } });
    assert.deepEqual(searchFromParam(JSON.stringify({ text: "ann", tenantId: "7044d079-a695-417d-bc7c-e0c2a80bffb4", enabled: true })), {
      search: { text: "ann", tenantId: "7044d079-a695-417d-bc7c-e0c2a80bffb4", enabled: true },
    });
    const refused = searchFromParam(JSON.stringify({ text: "ann", sku: "SPE_E3" }));
    assert.ok(refused && "problem" in refused && /SKU|sku/.test(refused.problem));
    assert.ok(searchFromParam("{not json") && "problem" in searchFromParam("{not json")!);
    assert.equal(searchFromParam(null), undefined);
  });
});
