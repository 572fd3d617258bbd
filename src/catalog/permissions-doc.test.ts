import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { moduleIds } from "./module-ids.ts";
import { moduleManifest } from "./modules.ts";
import { renderPermissionsMarkdown } from "./permissions-markdown.ts";
import { explainPermissions, explainServicePrincipalRoles } from "./permissions-explain.ts";

const docPath = new URL("../../docs/permissions.md", import.meta.url);

test("docs/permissions.md is exactly what the catalog renders (run `npm run permissions-doc` after changing the catalog)", () => {
  const committed = readFileSync(docPath, "utf8").split("\n");
  const rendered = renderPermissionsMarkdown().split("\n");
  const line = rendered.findIndex((text, i) => committed[i] !== text);
  assert.equal(line === -1 ? committed.length : line + 1, rendered.length, `first difference at line ${line + 1}: ${committed[line]}`);
});

test("rendering is deterministic", () => {
  assert.equal(renderPermissionsMarkdown(), renderPermissionsMarkdown());
});

test("explainPermissions covers every permission of every module with Microsoft's words, reasons, features and requests", () => {
  const explained = explainPermissions();
  const management = moduleManifest(moduleIds.management).permissions.map((p) => p.name);
  assert.deepEqual(explained.map((p) => p.name), management);
  for (const p of explained) {
    assert.notEqual(p.displayName, p.name, `${p.name} has Microsoft's display name`);
    assert.ok(p.description.length > 20, p.name);
    assert.ok(p.why.length > 0 && p.features.length > 0 && p.requests.length > 0, p.name);
  }
  const userRead = explained.find((p) => p.name === "User.Read.All");
  assert.deepEqual(userRead?.modules, ["reporting", "management"]);
  assert.ok(userRead?.notLeastBecause.some((w) => w.includes("User.ReadBasic.All")));
  const phones = explained.find((p) => p.name === "User-Phone.ReadWrite.All");
  assert.deepEqual(phones?.modules, ["management"]);
  assert.deepEqual(phones?.requests, [
    { request: "PATCH /users/{id} (businessPhones, mobilePhone)", alsoAcceptedWith: ["User.ReadWrite.All", "Directory.ReadWrite.All"] },
  ]);
});

test("the page has a section per permission, the roles, what is not requested and the 365TUNE comparison", () => {
  const page = renderPermissionsMarkdown();
  for (const p of explainPermissions()) assert.ok(page.includes(`\n### ${p.name}\n`), p.name);
  for (const r of explainServicePrincipalRoles()) assert.ok(page.includes(`\n### ${r.displayName}\n`), r.displayName);
  for (const heading of ["## Modules", "### Reporting", "### Management", "## Roles for the service principal", "## Not requested", "## Compared with 365TUNE"]) {
    assert.ok(page.includes(`\n${heading}\n`), heading);
  }
});
