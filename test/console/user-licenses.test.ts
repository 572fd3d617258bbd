import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

const contoso = "/api/tenants/contoso.onmicrosoft.com/actions";

interface Plan {
  servicePlanId: string;
  servicePlanName: string | null;
  friendlyName: string | null;
}

interface Sku {
  skuId: string;
  skuPartNumber: string;
  productName: string;
  freeUnits: number;
  servicePlans: Plan[];
}

interface UserLicence {
  skuId: string;
  assignedDirectly: boolean;
  servicePlans: (Plan & { provisioningStatus: string | null })[];
}

interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  usageLocation: string | null;
  userType: string;
  sync: { synced: boolean };
  licenses: UserLicence[];
  groups: { id: string }[];
  adminRoles: unknown[];
}

interface GroupRow {
  id: string;
  displayName: string;
  kind: string;
  membership: string;
  synced: boolean;
  isAssignableToRole: boolean;
  licenses: string[];
}

interface AuditEntry {
  action: string;
  outcome: string;
  actor: { name: string; via: string };
  target: { id?: string } | null;
  after: Record<string, unknown> | null;
}

let server: TenantryServer;
let browser: Browser;
let tenantId: string;
/** A cloud-only member with a usage location, no admin role, and without `sku`, which has free seats. */
let user: User;
let sku: Sku;
/** A plan of `sku` with a name of its own, to switch off. */
let plan: Plan;
/** An assigned cloud security group without licences that `user` is not in. */
let group: GroupRow;

async function read<T>(action: string, input: object): Promise<T> {
  const answer = await server.api<{ tenantId: string; data: T }>("POST", `${contoso}/${action}`, input);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  tenantId = answer.body.tenantId;
  return answer.body.data;
}

const readUser = () => read<User>("users.get", { userId: user.id });

function planWithOwnName(candidate: Sku): Plan | undefined {
  const names = candidate.servicePlans.map((p) => p.friendlyName);
  return candidate.servicePlans.find((p) => p.friendlyName && names.filter((n) => n === p.friendlyName).length === 1 && p.servicePlanName !== "EXCHANGE_S_FOUNDATION");
}

async function pickTestData(): Promise<void> {
  const skus = (await read<{ value: Sku[] }>("licenses.list-subscribed-skus", {})).value.filter((s) => s.freeUnits > 0 && s.servicePlans.length >= 3);
  const users = (await read<{ value: { id: string }[] }>("users.list", { synced: false, userType: "Member", accountEnabled: true, top: 60 })).value;
  for (const row of users) {
    const candidate = await read<User>("users.get", { userId: row.id });
    if (!candidate.usageLocation || candidate.adminRoles.length > 0 || candidate.sync.synced) continue;
    const missing = skus.find((s) => !candidate.licenses.some((l) => l.skuId === s.skuId.toLowerCase()) && planWithOwnName(s));
    if (!missing) continue;
    [user, sku, plan] = [candidate, missing, planWithOwnName(missing)!];
    break;
  }
  assert.ok(user, "contoso has a cloud-only user with a usage location missing a licence with free seats");
  const groups = (await read<{ value: GroupRow[] }>("groups.list", { top: 999 })).value;
  const found = groups.find(
    (g) => g.kind === "Security" && g.membership === "assigned" && !g.synced && !g.isAssignableToRole && g.licenses.length === 0 && !user.groups.some((m) => m.id === g.id),
  );
  assert.ok(found, "contoso has an assigned cloud security group the user is not in");
  group = found;
}

/** Text to match literally inside a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits until the element stops changing size: the accordion opens with an animation. */
async function settled(locator: Locator): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const height = (await locator.boundingBox())?.height ?? 0;
    if (height === last) return;
    last = height;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const userPath = () => `/tenants/${tenantId}/users/${user.id}`;
const panel = (page: Page, name: "Licences" | "Groups") => page.getByRole("region", { name });

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
  await pickTestData();
});

after(() => stopConsoleTestbed({ server, browser }));

describe("the user page's licences and groups", () => {
  test("a licence is assigned with a service plan switched off: the switch shows it, Graph has it, the audit log says who did it", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath() });
    try {
      const licences = panel(page, "Licences");
      await licences.getByRole("button", { name: "Assign licence" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox", { name: "Licence" }).click();
      await page.getByRole("option", { name: new RegExp(`^${escaped(sku.productName)} \\(`) }).click();
      const planSwitch = dialog.getByRole("switch", { name: plan.friendlyName!, exact: true });
      assert.equal(await planSwitch.isChecked(), true, "every plan starts switched on");
      await planSwitch.click();
      assert.equal(await planSwitch.isChecked(), false);
      await dialog.getByRole("button", { name: "Assign", exact: true }).click();
      await licences.getByText(`${sku.productName} is assigned to`).waitFor();
      assert.equal(await page.getByRole("dialog").count(), 0, "the dialog closes once the licence is assigned");

      await licences.getByRole("button", { name: new RegExp(`^${escaped(sku.productName)}`) }).click();
      const plans = licences.getByRole("group", { name: `Service plans of ${sku.productName}` });
      assert.equal(await plans.getByRole("switch", { name: plan.friendlyName!, exact: true }).isChecked(), false, "the plan shows switched off");
      const onCount = await plans.getByRole("switch", { checked: true }).count();
      assert.equal(onCount, sku.servicePlans.length - 1, "the other plans are on");
      await settled(licences);
      await saveScreenshot(page, "user-licenses");

      const assigned = (await readUser()).licenses.find((l) => l.skuId === sku.skuId.toLowerCase());
      assert.ok(assigned?.assignedDirectly, "Graph has the licence as a direct assignment");
      const disabled = assigned.servicePlans.filter((p) => p.provisioningStatus === "Disabled").map((p) => p.servicePlanId);
      assert.deepEqual(disabled, [plan.servicePlanId], "exactly the switched-off plan is disabled");

      const audit = await server.api<{ value: AuditEntry[] }>("GET", `/api/audit?action=licenses.assign-user&target=${user.id}`);
      const succeeded = audit.body.value.find((e) => e.outcome === "succeeded");
      assert.ok(succeeded, JSON.stringify(audit.body));
      assert.equal(succeeded.actor.via, "console");
      assert.match(succeeded.actor.name, /admin/i);
      const licencesAfter = (succeeded.after as { licenses: Record<string, string[]> } | null)?.licenses ?? {};
      assert.deepEqual(licencesAfter[sku.skuPartNumber], [plan.servicePlanName], "the audit's after names the licence with the plan off");
    } finally {
      await context.close();
    }
  });

  test("switching a plan back on saves the direct licence with no plan off; removing it asks first and takes it away", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath() });
    try {
      const licences = panel(page, "Licences");
      await licences.getByRole("button", { name: new RegExp(`^${escaped(sku.productName)}`) }).click();
      const plans = licences.getByRole("group", { name: `Service plans of ${sku.productName}` });
      await plans.getByRole("switch", { name: plan.friendlyName!, exact: true }).click();
      await licences.getByRole("button", { name: "Save service plans" }).click();
      await licences.getByText(`${sku.servicePlans.length} of ${sku.servicePlans.length} service plans are on`).waitFor();
      const saved = (await readUser()).licenses.find((l) => l.skuId === sku.skuId.toLowerCase());
      assert.deepEqual(saved?.servicePlans.filter((p) => p.provisioningStatus === "Disabled"), [], "Graph has every plan on");

      await licences.getByRole("button", { name: `Remove ${sku.productName}` }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Remove licence" }).click();
      await licences.getByText(`${sku.productName} is removed from`).waitFor();
      assert.equal((await readUser()).licenses.some((l) => l.skuId === sku.skuId.toLowerCase()), false, "Graph no longer has the licence");
    } finally {
      await context.close();
    }
  });

  test("the user is added to a group through the picker and removed again after confirming", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath() });
    try {
      const groups = panel(page, "Groups");
      await groups.getByRole("button", { name: "Add to group" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox", { name: "Group" }).fill(group.displayName.split(" ")[0]!);
      // The list answers the typed text once the picker is no longer busy; a click during the update could be lost.
      await dialog.locator('[role="combobox"][aria-busy="false"]').waitFor();
      await page.getByRole("option", { name: new RegExp(`^${escaped(group.displayName)} \\(`) }).click();
      await dialog.getByRole("button", { name: "Add to group" }).click();
      await groups.getByText(`is a member of ${group.displayName}`).waitFor();
      assert.ok((await readUser()).groups.some((g) => g.id === group.id), "Graph has the membership");
      await groups.getByRole("row", { name: new RegExp(escaped(group.displayName)) }).waitFor();
      await saveScreenshot(page, "user-groups");

      await groups.getByRole("button", { name: `Remove from ${group.displayName}` }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Remove", exact: true }).click();
      await groups.getByText(`is no longer a member of ${group.displayName}`).waitFor();
      assert.equal((await readUser()).groups.some((g) => g.id === group.id), false, "Graph no longer has the membership");
      // The page reads the user again after the change: the row goes.
      await groups.getByRole("button", { name: `Remove from ${group.displayName}` }).waitFor({ state: "detached" });
    } finally {
      await context.close();
    }
  });

  test("a Helpdesk Administrator sees licence and group changes disabled, with Tenantry's reason", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`, { path: userPath() });
    try {
      const answer = await page.request.get(`/api/tenants/${tenantId}/users/${user.id}/allowed-actions`);
      const allowed = ((await answer.json()) as { value: { action: string; allowed: boolean; reason?: string; fix?: string }[] }).value;
      const refusal = (id: string) => {
        const entry = allowed.find((a) => a.action === id);
        assert.equal(entry?.allowed, false, `${id} is refused to tech1`);
        return [entry.reason, entry.fix].filter(Boolean).join(" ");
      };
      const licences = panel(page, "Licences");
      await licences.getByText(refusal("licenses.assign-user")).waitFor();
      assert.equal(await licences.getByRole("button", { name: "Assign licence" }).isDisabled(), true);
      const groups = panel(page, "Groups");
      await groups.getByText(refusal("groups.add-member")).waitFor();
      assert.equal(await groups.getByRole("button", { name: "Add to group" }).isDisabled(), true);
      const removeButtons = groups.getByRole("button", { name: /^Remove from / });
      assert.ok((await removeButtons.count()) > 0);
      for (const button of await removeButtons.all()) assert.equal(await button.isDisabled(), true);
    } finally {
      await context.close();
    }
  });

  test("a group Microsoft manages by rule is not changed: the panel shows Tenantry's reason and fix", async () => {
    const dynamic = (await read<{ value: GroupRow[] }>("groups.list", { top: 999 })).value.find((g) => g.membership === "dynamic" && user.groups.some((m) => m.id === g.id));
    assert.ok(dynamic, "the user is in a dynamic group");
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath(), colorScheme: "dark" });
    try {
      const groups = panel(page, "Groups");
      await groups.getByRole("button", { name: `Remove from ${dynamic.displayName}` }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Remove", exact: true }).click();
      await groups.getByText("has dynamic membership").waitFor();
      await groups.getByText("membership rule").first().waitFor();
      await saveScreenshot(page, "user-groups-refused-dark");
      assert.ok((await readUser()).groups.some((g) => g.id === dynamic.id), "the membership is unchanged");
    } finally {
      await context.close();
    }
  });
});
