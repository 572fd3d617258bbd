// The tenants overview in a real Chromium against a real `tenantry serve` and its local cloud: consent health
// per module with the fix, users and licence seats, sync state, and what the buttons really change.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { controlApi } from "../support/graph-clients.ts";
import type { LocalCloud } from "../support/local-cloud.ts";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import { tenantReader } from "../support/tenant-reader.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

interface ModuleHealth {
  module: string;
  title: string;
  state: string;
  missingPermissions: string[];
  missingRoles: { roleTemplateId: string; displayName: string }[];
  fixes: string[];
}
interface Tenant {
  tenantId: string;
  displayName: string | null;
  defaultDomain: string | null;
  lastCheckAt: string | null;
  lastCheck: { tokenFailure: { fix: string } | null; modules: ModuleHealth[] } | null;
}
interface Summary {
  tenantId: string;
  userCounts: { users: number };
  skus: { productName: string; consumedUnits: number; enabledUnits: number }[];
}
interface SyncState {
  tenantId: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
}

const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const northwind = "northwind.onmicrosoft.com";
const woodgrove = "woodgrove.onmicrosoft.com";
const count = new Intl.NumberFormat("en-US");

let server: TenantryServer;
let browser: Browser;

const tenantOf = async (domain: string) => (await server.api<Tenant>("GET", `/api/tenants/${domain}`)).body;
const nameOf = (t: Tenant) => t.displayName ?? t.defaultDomain ?? t.tenantId;
/** The admin consent address in a fix, as Tenantry gives it. */
const consentUrlIn = (fix: string) => /https?:\/\/\S+/.exec(fix)?.[0];
const row = (page: Page, name: string) => page.getByRole("table", { name: "Tenants" }).getByRole("row", { name, exact: true });
const banner = (page: Page, name: string) => page.getByRole("region", { name: "Tenants that need attention" }).getByRole("group", { name: new RegExp(`^${name.replace(/[.()]/g, "\\$&")}\\b`) });
const spaced = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, " ").trim());

/** Every demo tenant synced once (or failed to be, without consent), so that the cache holds what the page shows. */
async function firstSyncsDone(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const states = (await server.api<{ value: SyncState[] }>("GET", "/api/sync")).body.value;
    if (states.length >= 4 && states.every((s) => s.lastSuccessAt || s.lastErrorAt)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The demo tenants were not synced in time.");
}

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
  await firstSyncsDone();
});

after(() => stopConsoleTestbed({ server, browser }));

describe("the tenants overview", () => {
  test("shows every tenant's consent per module, the missing permissions with their fix, users and licence seats", async () => {
    const tenants = (await server.api<{ value: Tenant[] }>("GET", "/api/tenants")).body.value;
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/tenants" });
    try {
      const table = page.getByRole("table", { name: "Tenants" });
      await table.waitFor();
      // One row per tenant plus the header row.
      assert.equal(await table.getByRole("row").count(), tenants.length + 1);
      for (const tenant of tenants) await row(page, nameOf(tenant)).waitFor();

      const partial = await tenantOf(northwind);
      const degraded = partial.lastCheck!.modules.find((m) => m.state === "degraded")!;
      assert.ok(degraded, "the API says a module of the partially consented tenant is degraded");
      assert.equal(await row(page, nameOf(partial)).getByText("degraded", { exact: true }).count(), 1);
      const northwindBanner = banner(page, nameOf(partial));
      const bannerText = (await northwindBanner.textContent()) ?? "";
      for (const permission of degraded.missingPermissions) assert.ok(bannerText.includes(permission), `the banner names ${permission}`);
      for (const role of degraded.missingRoles) assert.ok(bannerText.includes(role.displayName), `the banner names the role ${role.displayName}`);
      assert.match(bannerText, /Reset password/, "the banner says which features break");
      const consentLink = northwindBanner.getByRole("link", { name: `admin consent page of ${nameOf(partial)}` });
      const consentUrl = degraded.fixes.map(consentUrlIn).find(Boolean);
      assert.ok(consentUrl, "the API's fix holds the consent link");
      assert.equal(await consentLink.getAttribute("href"), consentUrl);
      assert.match(consentUrl, new RegExp(`/${partial.tenantId}/adminconsent\\?client_id=`));

      const none = await tenantOf(woodgrove);
      assert.ok(none.lastCheck!.modules.every((m) => m.state === "unavailable"));
      assert.equal(await row(page, nameOf(none)).getByText("unavailable", { exact: true }).count(), none.lastCheck!.modules.length);
      const woodgroveLink = banner(page, nameOf(none)).getByRole("link", { name: `admin consent page of ${nameOf(none)}` });
      assert.equal(await woodgroveLink.getAttribute("href"), consentUrlIn(none.lastCheck!.tokenFailure!.fix));

      const full = await tenantOf(contoso);
      assert.equal(await banner(page, nameOf(full)).count(), 0, "a tenant whose consent is whole has no banner");
      assert.equal(await row(page, nameOf(full)).getByText("ready", { exact: true }).count(), full.lastCheck!.modules.length);
      const summary = (await server.api<Summary>("GET", `/api/tenants/${contoso}/summary`)).body;
      assert.ok(summary.skus.length > 0);
      const seats = page.getByRole("list", { name: `Licences of ${nameOf(full)}` }).getByRole("listitem");
      assert.deepEqual(
        spaced(await seats.allInnerTexts()),
        summary.skus.map((s) => `${s.productName} ${count.format(s.consumedUnits)} / ${count.format(s.enabledUnits)}`),
      );
      await row(page, nameOf(full)).getByText(count.format(summary.userCounts.users), { exact: true }).waitFor();
      await row(page, nameOf(full)).getByText(/^Synced (now|\d+ seconds? ago|\d+ minutes? ago)$/).waitFor();
      await saveScreenshot(page, "overview-light");
    } finally {
      await context.close();
    }
  });

  test("checking consent again shows what the tenant grants now: after consent, the tenant is ready and its banner gone", async () => {
    const before = await tenantOf(woodgrove);
    const partial = await tenantOf(northwind);
    const { clientId } = (await server.api<{ clientId: string }>("GET", "/api/app")).body;
    const roles = partial.lastCheck!.modules.flatMap((m) => m.missingRoles.map((r) => r.roleTemplateId));
    // The customer's administrator grants admin consent, and assigns the roles the fix names.
    const consent = await controlApi({ url: server.cloudUrl } as LocalCloud)("POST", `/tenants/${before.tenantId}/consents`, { appId: clientId, servicePrincipalRoles: [...new Set(roles)] });
    assert.equal(consent.status, 201, JSON.stringify(consent.body));

    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/tenants" });
    try {
      await banner(page, nameOf(before)).waitFor();
      await page.getByRole("button", { name: `Check consent again for ${nameOf(before)}` }).click();
      await row(page, nameOf(before)).getByRole("status").filter({ hasText: /^Checked:/ }).waitFor();
      assert.equal(await row(page, nameOf(before)).getByText("ready", { exact: true }).count(), before.lastCheck!.modules.length);
      await banner(page, nameOf(before)).waitFor({ state: "detached" });
      const after = await tenantOf(woodgrove);
      assert.ok(after.lastCheck!.modules.every((m) => m.state === "ready"), JSON.stringify(after.lastCheck!.modules.map((m) => m.state)));
      assert.ok(Date.parse(after.lastCheckAt!) > Date.parse(before.lastCheckAt!), "the check really ran");
    } finally {
      await context.close();
    }
  });

  test("syncing now brings a change made in the tenant into the users count", async () => {
    const { graph } = await tenantReader(server.cloudUrl, fabrikam, ["User.ReadWrite.All"]);
    const before = (await server.api<Summary>("GET", `/api/tenants/${fabrikam}/summary`)).body.userCounts.users;
    await graph.api("/users").post({
      accountEnabled: true,
      displayName: "Overview Newcomer",
      mailNickname: "overview.newcomer",
      userPrincipalName: `overview.newcomer@${fabrikam}`,
      passwordProfile: { password: "Newcomer-Pass-2026!", forceChangePasswordNextSignIn: true },
    });
    const tenant = await tenantOf(fabrikam);
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/tenants" });
    try {
      const fabrikamRow = row(page, nameOf(tenant));
      await fabrikamRow.getByText(count.format(before), { exact: true }).waitFor();
      await page.getByRole("button", { name: `Sync ${nameOf(tenant)} now` }).click();
      await fabrikamRow.getByRole("status").filter({ hasText: /^Synced: \d+ changes?$/ }).waitFor({ timeout: 60_000 });
      await fabrikamRow.getByText(count.format(before + 1), { exact: true }).waitFor();
      assert.equal((await server.api<Summary>("GET", `/api/tenants/${fabrikam}/summary`)).body.userCounts.users, before + 1);
    } finally {
      await context.close();
    }
  });

  test("with one tenant chosen, only that tenant is shown (here in the dark theme)", async () => {
    const full = await tenantOf(contoso);
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/tenants", colorScheme: "dark" });
    try {
      const table = page.getByRole("table", { name: "Tenants" });
      await row(page, nameOf(await tenantOf(northwind))).waitFor();
      await page.getByRole("combobox", { name: "Tenant" }).click();
      await page.getByRole("option", { name: nameOf(full), exact: true }).click();
      await page.getByText("1 tenant, all ready").waitFor();
      assert.deepEqual(await table.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.getAttribute("aria-label"))), [nameOf(full)]);
      assert.equal(await page.getByRole("region", { name: "Tenants that need attention" }).count(), 0);
      await page.getByRole("list", { name: `Licences of ${nameOf(full)}` }).waitFor();
      await saveScreenshot(page, "overview-dark");
    } finally {
      await context.close();
    }
  });

  test("a technician sees only the tenants it has a role in, and may not check consent", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`, { path: "/tenants" });
    try {
      const table = page.getByRole("table", { name: "Tenants" });
      await row(page, nameOf(await tenantOf(northwind))).waitFor();
      const names = await table.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.getAttribute("aria-label")));
      const managedCustomers = await Promise.all([contoso, fabrikam, northwind].map(async (domain) => nameOf(await tenantOf(domain))));
      assert.deepEqual([...names].sort(), managedCustomers.sort(), "the managed customers, not the bank");
      const check = page.getByRole("button", { name: `Check consent again for ${names[0]}` });
      assert.equal(await check.getAttribute("aria-disabled"), "true");
      const reason = "Only a Platform Administrator can check consent again.";
      assert.equal(await page.locator(`[id="${await check.getAttribute("aria-describedby")}"]`).textContent(), reason, "the reason is the button's description");
      await check.focus();
      await page.getByRole("tooltip").filter({ hasText: reason }).waitFor();
      assert.equal(await page.getByRole("button", { name: `Sync ${names[0]} now` }).isEnabled(), true);
    } finally {
      await context.close();
    }
  });
});
