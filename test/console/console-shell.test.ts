import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

let server: TenantryServer;

/** The pages offered in the navigation, as shown (each tab also holds a hidden bold copy of its name). */
const pageNames = (page: Page) => page.getByRole("navigation", { name: "Pages" }).getByRole("tab").allInnerTexts();
let browser: Browser;

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
});

after(() => stopConsoleTestbed({ server, browser }));

describe("the console's shell", () => {
  test("is served to anyone with a strict content security policy; the API stays closed and unknown API paths are JSON 404s", async () => {
    const page = await fetch(`${server.url}/users`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root"><\/div>/);
    assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal((await fetch(`${server.url}/api/tenants`)).status, 401);
    const unknown = await fetch(`${server.url}/api/no-such-thing`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, "not_found");
  });

  test("signing in through the identity platform opens the page asked for; a Platform Administrator sees every page", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/audit" });
    try {
      assert.equal(new URL(page.url()).pathname, "/audit");
      assert.deepEqual(await pageNames(page), ["Tenants", "Users", "Bulk jobs", "Audit log", "Operators and roles"]);
      await page.getByRole("combobox", { name: "Tenant" }).click();
      const tenants = await page.getByRole("option").allTextContents();
      assert.equal(tenants[0], "All tenants");
      assert.ok(tenants.length >= 4, `the connected tenants are offered: ${tenants.join(", ")}`);
      await page.getByRole("option").nth(1).click();
      assert.equal(await page.evaluate(() => localStorage.getItem("tenantry.tenant")?.length), 36, "the chosen tenant is kept");
      await saveScreenshot(page, "shell-light");
      const background = () => page.locator(".fui-FluentProvider").first().evaluate((element) => getComputedStyle(element).backgroundColor);
      const light = await background();
      await page.getByRole("button", { name: "Use the dark theme" }).click();
      assert.notEqual(await background(), light, "the dark theme changes the page's colours");
      await saveScreenshot(page, "shell-dark");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("link", { name: "Sign in" }).waitFor();
      assert.equal((await page.request.get(`${server.url}/api/me`)).status(), 401, "the session is over");
    } finally {
      await context.close();
    }
  });

  test("a technician does not see the Platform Administrators' page", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`);
    try {
      assert.deepEqual(await pageNames(page), ["Tenants", "Users", "Bulk jobs", "Audit log"]);
      assert.equal(new URL(page.url()).pathname, "/tenants");
    } finally {
      await context.close();
    }
  });
});
