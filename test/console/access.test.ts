import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

interface Assignment {
  id: string;
  principal: { kind: string; id: string; name: string | null };
  role: { kind: string; id: string; name: string };
  scope: { kind: string; tenantId?: string; display: string };
}

let server: TenantryServer;
let browser: Browser;
const newOperator = `jo.access@${partnerDomain}`;
const tenantIds = new Map<string, string>();

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
  const tenants = await server.api<{ value: { tenantId: string; defaultDomain: string | null }[] }>("GET", "/api/tenants");
  for (const t of tenants.body.value) if (t.defaultDomain) tenantIds.set(t.defaultDomain, t.tenantId);
});

after(() => stopConsoleTestbed({ server, browser }));

const assignmentsOf = async (operator: string) => (await server.api<{ value: Assignment[] }>("GET", `/api/role-assignments?operator=${encodeURIComponent(operator)}`)).body.value;

/** Opens a Fluent dropdown or combobox and picks an option by its name. */
async function choose(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.click();
  await page.getByRole("option", { name: option }).click();
}

/** The access check's answer as shown, for the operator, tenant and action chosen. */
async function checkAccess(page: Page, tenant: string): Promise<string> {
  const form = page.getByRole("form", { name: "Access check" });
  await choose(page, form.getByRole("combobox", { name: "Tenant" }), tenant);
  await form.getByRole("button", { name: "Check" }).click();
  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByText(`in ${tenant}.`).first().waitFor();
  return (await decision.textContent()) ?? "";
}

describe("operators and role assignments in the console", () => {
  test("a Platform Administrator adds an operator and assigns it Helpdesk Administrator on Fabrikam; the access check explains what it may do", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/access" });
    try {
      const operators = page.getByRole("table", { name: "Operators" });
      await operators.getByRole("row", { name: new RegExp(`admin@${partnerDomain}.*Platform Administrator`) }).waitFor();

      const upn = page.getByRole("textbox", { name: "User principal name" });
      await upn.fill("not-a-user-name");
      await page.getByRole("button", { name: "Add operator" }).click();
      await page.getByText("must be a user principal name").waitFor();
      assert.equal(await upn.getAttribute("aria-invalid"), "true", "the API's refusal is shown on the field it names");
      assert.equal((await server.api("GET", "/api/operators/not-a-user-name")).status, 404, "nothing was added");

      await upn.fill(newOperator);
      await page.getByRole("textbox", { name: "Display name" }).fill("Jo Access");
      await page.getByRole("button", { name: "Add operator" }).click();
      await operators.getByRole("row", { name: new RegExp(`${newOperator}.*Jo Access.*Person.*never.*no role`) }).waitFor();
      const added = await server.api<{ userPrincipalName: string; displayName: string; kind: string }>("GET", `/api/operators/${newOperator}`);
      assert.equal(added.status, 200);
      assert.deepEqual([added.body.userPrincipalName, added.body.displayName, added.body.kind], [newOperator, "Jo Access", "person"]);
      await saveScreenshot(page, "access-operators");

      await page.getByRole("tab", { name: "Role assignments" }).click();
      await page.getByRole("button", { name: "Add a role assignment" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a role assignment" });
      await choose(page, dialog.getByRole("combobox", { name: "Operator" }), new RegExp(newOperator));
      const role = dialog.getByRole("combobox", { name: "Role" });
      await role.click();
      await role.pressSequentially("helpdesk");
      await page.getByRole("option", { name: "Helpdesk Administrator" }).waitFor();
      assert.deepEqual(await page.getByRole("option").allInnerTexts(), ["Helpdesk Administrator"], "typing filters the roles");
      await page.getByRole("option", { name: "Helpdesk Administrator" }).click();
      assert.equal(await dialog.getByRole("radio", { name: "A tenant", exact: true }).isChecked(), true);
      await choose(page, dialog.getByRole("combobox", { name: "Tenant" }), "Fabrikam");
      const assign = dialog.getByRole("button", { name: "Assign", disabled: false });
      await assign.waitFor();
      await saveScreenshot(page, "access-add-assignment");
      await assign.click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("table", { name: "Role assignments" }).getByRole("row", { name: new RegExp(`${newOperator}.*Helpdesk Administrator.*Fabrikam`) }).waitFor();
      const assigned = await assignmentsOf(newOperator);
      assert.equal(assigned.length, 1);
      assert.deepEqual(
        { principal: assigned[0]!.principal.name, role: assigned[0]!.role.name, scope: assigned[0]!.scope.kind, tenant: assigned[0]!.scope.tenantId },
        { principal: newOperator, role: "Helpdesk Administrator", scope: "tenant", tenant: tenantIds.get("fabrikam.onmicrosoft.com") },
      );
      await saveScreenshot(page, "access-assignments");

      await page.getByRole("tab", { name: "Access check" }).click();
      const form = page.getByRole("form", { name: "Access check" });
      await choose(page, form.getByRole("combobox", { name: "Operator" }), newOperator);
      await page.getByRole("heading", { name: `What may ${newOperator} do?` }).waitFor();
      await choose(page, form.getByRole("combobox", { name: "Action" }), /Reset password/);
      const inFabrikam = await checkAccess(page, "Fabrikam");
      assert.match(inFabrikam, /^Allowed/);
      assert.match(inFabrikam, /Helpdesk Administrator in Fabrikam/);
      const inContoso = await checkAccess(page, "Contoso");
      assert.match(inContoso, /^Refused/);
      assert.ok(inContoso.includes(`Contoso is not in ${newOperator}'s scope`), inContoso);
      await saveScreenshot(page, "access-check");
    } finally {
      await context.close();
    }
  });

  test("tenant groups are made and changed, and an assignment is removed after confirming", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/access?tab=tenant-groups" });
    try {
      await page.getByRole("button", { name: "New tenant group" }).click();
      const dialog = page.getByRole("dialog", { name: "New tenant group" });
      await dialog.getByRole("textbox", { name: "Name" }).fill("Europe");
      const tenants = dialog.getByRole("combobox", { name: "Tenants" });
      await tenants.click();
      await page.getByRole("menuitemcheckbox", { name: /Contoso/ }).click();
      await page.getByRole("menuitemcheckbox", { name: /Fabrikam/ }).click();
      await dialog.getByRole("heading", { name: "New tenant group" }).click();
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      const groups = page.getByRole("table", { name: "Tenant groups" });
      const europe = groups.getByRole("toolbar", { name: "Tenants of Europe" });
      await europe.getByText("Fabrikam").waitFor();
      assert.equal(await europe.textContent(), "ContosoFabrikam");
      await saveScreenshot(page, "access-tenant-groups");

      await groups.getByRole("button", { name: "Edit the tenant group Europe" }).click();
      const edit = page.getByRole("dialog", { name: "Tenants of Europe" });
      await edit.getByRole("combobox", { name: "Tenants" }).click();
      await page.getByRole("menuitemcheckbox", { name: /Contoso/ }).click();
      await edit.getByRole("heading", { name: "Tenants of Europe" }).click();
      await edit.getByRole("button", { name: "Save" }).click();
      await edit.waitFor({ state: "hidden" });
      await europe.getByText("Contoso").waitFor({ state: "detached" });
      const listed = await server.api<{ value: { name: string; tenants: { tenantId: string }[] }[] }>("GET", "/api/tenant-groups");
      assert.deepEqual(
        listed.body.value.find((g) => g.name === "Europe")?.tenants.map((t) => t.tenantId),
        [tenantIds.get("fabrikam.onmicrosoft.com")],
      );

      const temporary = await server.api<Assignment>("POST", "/api/role-assignments", { principal: { operator: `tech2@${partnerDomain}` }, role: "Groups Administrator", scope: { tenantGroup: "Europe" } });
      assert.equal(temporary.status, 201);
      await page.getByRole("tab", { name: "Role assignments" }).click();
      const remove = page.getByRole("button", { name: `Remove Groups Administrator for tech2@${partnerDomain} (tenant group Europe)` });
      await remove.click();
      const confirm = page.getByRole("dialog", { name: "Remove this role assignment?" });
      await confirm.getByRole("button", { name: "Cancel" }).click();
      await confirm.waitFor({ state: "hidden" });
      assert.ok((await assignmentsOf(`tech2@${partnerDomain}`)).some((a) => a.id === temporary.body.id), "cancelling keeps it");
      await remove.click();
      await confirm.getByRole("button", { name: "Remove" }).click();
      await confirm.waitFor({ state: "hidden" });
      await remove.waitFor({ state: "detached" });
      assert.ok(!(await assignmentsOf(`tech2@${partnerDomain}`)).some((a) => a.id === temporary.body.id), "confirming removes it");
    } finally {
      await context.close();
    }
  });

  test("in the dark theme the assignments stay readable", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/access?tab=assignments", colorScheme: "dark" });
    try {
      await page.getByRole("table", { name: "Role assignments" }).getByRole("row", { name: /Helpdesk Administrator/ }).first().waitFor();
      await saveScreenshot(page, "access-assignments-dark");
    } finally {
      await context.close();
    }
  });

  test("a technician who opens the page gets the API's refusal", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`, { path: "/access" });
    try {
      await page.getByText("Only Platform Administrators manage operators and roles").waitFor();
      const refusal = (await page.getByRole("main").textContent()) ?? "";
      assert.match(refusal, /Platform Administrator/);
      assert.equal(await page.getByRole("table").count(), 0, "nothing of the page is shown");
      const api = await page.request.get("/api/operators");
      assert.equal(api.status(), 403);
      assert.ok(refusal.includes(((await api.json()) as { error: { message: string } }).error.message), "the page shows the API's own message");
    } finally {
      await context.close();
    }
  });
});
