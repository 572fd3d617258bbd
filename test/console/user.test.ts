// The user page in a real Chromium against a real `tenantry serve`: a property changed through the form
// generated from the catalog, a generated password shown once, a synced user's on-premises fields read-only
// with the reason, and a Helpdesk Administrator's refusals shown on the controls.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

interface ListedUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
}
interface UserDetails {
  jobTitle: string | null;
  lastPasswordChangeDateTime: string | null;
  adminRoles: unknown[];
}

const contoso = "contoso.onmicrosoft.com";
let server: TenantryServer;
let browser: Browser;
let contosoId: string;
let cloudUser: ListedUser;
/** Another cloud user without a role, for changes the other tests must not see. */
let otherCloudUser: ListedUser;
let syncedUser: ListedUser;

async function listUsers(input: Record<string, unknown>): Promise<ListedUser[]> {
  const answer = await server.api<{ tenantId: string; data: { value: ListedUser[] } }>("POST", `/api/tenants/${contoso}/actions/users.list`, input);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  contosoId = answer.body.tenantId;
  return answer.body.data.value;
}

async function readUser(id: string): Promise<UserDetails> {
  const answer = await server.api<{ data: UserDetails }>("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data;
}

/** The text of what describes a control (a Field's hint or message). */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

const userPath = (user: ListedUser) => `/tenants/${contosoId}/users/${user.id}`;

/** The manager picker searches the directory cache: waits for contoso's first sync. */
async function contosoSynced(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const sync = await server.api<{ value: { tenantId: string; lastSuccessAt: string | null }[] }>("GET", "/api/sync");
    if (sync.body.value.some((s) => s.tenantId === contosoId && s.lastSuccessAt)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail("contoso was never synced into the directory cache");
}

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
  const cloudUsers = (await listUsers({ synced: false, userType: "Member", top: 40 })).filter((u) => !u.userPrincipalName.endsWith(".onmicrosoft.com"));
  const plain: ListedUser[] = [];
  for (const user of cloudUsers) {
    if ((await readUser(user.id)).adminRoles.length === 0) plain.push(user);
    if (plain.length === 2) break;
  }
  assert.equal(plain.length, 2, "two cloud users without a directory role");
  [cloudUser, otherCloudUser] = plain as [ListedUser, ListedUser];
  syncedUser = (await listUsers({ synced: true, top: 1 }))[0]!;
});

after(() => stopConsoleTestbed({ server, browser }));

describe("the user page", () => {
  test("a Platform Administrator changes a cloud user's job title and resets its password; the generated password is shown once", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath(cloudUser) });
    try {
      await page.getByRole("heading", { level: 1, name: cloudUser.displayName }).waitFor();
      assert.ok(await page.getByText(cloudUser.userPrincipalName).first().isVisible());
      assert.deepEqual(await page.getByRole("navigation", { name: "Pages" }).getByRole("tab", { selected: true }).allInnerTexts(), ["Users"], "a user's page is under Users");
      const properties = page.getByRole("form", { name: "Properties" });
      const jobTitle = properties.getByLabel("Job title");
      await jobTitle.waitFor();
      assert.ok(await jobTitle.isEditable(), "a cloud user's job title can be changed");
      const title = `Principal Engineer ${Date.now() % 10_000}`;
      await jobTitle.fill(title);
      await properties.getByRole("button", { name: "Save" }).click();
      await properties.getByText("Update user properties: done.").waitFor();
      assert.equal(await jobTitle.inputValue(), title);
      assert.equal((await readUser(cloudUser.id)).jobTitle, title, "Graph holds the new job title");

      // Bad input is answered beside its field.
      const displayName = properties.getByLabel("Display name");
      await displayName.fill("");
      await properties.getByRole("button", { name: "Save" }).click();
      await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
      assert.match(await descriptionOf(page, displayName), /Must not be empty/);
      await properties.getByRole("button", { name: "Undo changes" }).click();
      assert.equal(await jobTitle.inputValue(), title);
      assert.equal(await displayName.inputValue(), cloudUser.displayName);
      await saveScreenshot(page, "user-light");

      const before = (await readUser(cloudUser.id)).lastPasswordChangeDateTime;
      await page.getByRole("button", { name: "Reset password" }).click();
      const resetDialog = page.getByRole("dialog", { name: /Reset the password/ });
      assert.ok(await resetDialog.getByRole("radio", { name: "Generate a strong password" }).isChecked());
      assert.ok(await resetDialog.getByRole("switch", { name: "Require a new password at next sign-in" }).isChecked());
      await resetDialog.getByRole("button", { name: "Reset password" }).click();
      const once = page.getByRole("alertdialog", { name: /New password for/ });
      const shown = once.getByLabel("Generated password");
      await shown.waitFor();
      const password = await shown.inputValue();
      assert.equal(password.length, 16);
      assert.ok(await once.getByRole("button", { name: "Copy" }).isVisible());
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
      await saveScreenshot(page, "user-password-once");
      await once.getByRole("button", { name: "Close" }).click();
      await once.waitFor({ state: "detached" });
      await page.getByText("Reset password: done.").waitFor();
      const html = await page.content();
      assert.ok(!html.includes(password), "the password is nowhere on the page once closed");
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      assert.ok(!stored.includes(password), "nor in the browser's storage");
      assert.notEqual((await readUser(cloudUser.id)).lastPasswordChangeDateTime, before, "Graph saw a new password");
    } finally {
      await context.close();
    }
  });

  test("a synced user's on-premises fields are read-only with the reason; its usage location is not", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath(syncedUser), colorScheme: "dark" });
    try {
      await page.getByRole("heading", { level: 1, name: syncedUser.displayName }).waitFor();
      const properties = page.getByRole("form", { name: "Properties" });
      const department = properties.getByLabel("Department");
      await department.waitFor();
      await page.waitForFunction(() => !(document.body.textContent ?? "").includes("Checking what you may do"));
      assert.equal(await department.isEditable(), false);
      assert.match(await descriptionOf(page, department), /Mastered in on-premises Active Directory/);
      assert.ok(await properties.getByLabel("Usage location").isEditable(), "usage location stays the cloud's");
      assert.ok(await page.getByRole("list", { name: "State" }).getByText("Synced from on-premises").isVisible());
      const disable = page.getByRole("button", { name: "Disable sign-in" });
      assert.ok(await disable.isDisabled());
      assert.match(await descriptionOf(page, disable), /masters accountEnabled/);
      await saveScreenshot(page, "user-dark");
    } finally {
      await context.close();
    }
  });

  test("a Helpdesk Administrator sees Delete and the property edits disabled with the reason, and may reset the password", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`, { path: userPath(cloudUser) });
    try {
      await page.getByRole("heading", { level: 1, name: cloudUser.displayName }).waitFor();
      await page.waitForFunction(() => !(document.body.textContent ?? "").includes("Checking what you may do"));
      const remove = page.getByRole("button", { name: "Delete" });
      assert.ok(await remove.isDisabled(), "Delete is disabled");
      assert.match(await descriptionOf(page, remove), /Helpdesk Administrator.*does not grant microsoft\.directory\/users\/delete/);
      assert.ok(await page.getByRole("button", { name: "Reset password" }).isEnabled(), "Reset password is enabled for a user without roles");
      assert.ok(await page.getByRole("button", { name: "Revoke sessions" }).isEnabled());
      const properties = page.getByRole("form", { name: "Properties" });
      assert.equal(await properties.getByLabel("Job title").isEditable(), false);
      assert.match((await properties.textContent()) ?? "", /You may not change these: .*users\/basic\/update/);
      assert.ok(await properties.getByRole("button", { name: "Save" }).isDisabled());
      await saveScreenshot(page, "user-technician");
    } finally {
      await context.close();
    }
  });

  test("a manager is found by searching the tenant and set; the user is deleted after a confirmation and restored", async () => {
    await contosoSynced();
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: userPath(otherCloudUser) });
    try {
      await page.getByRole("heading", { level: 1, name: otherCloudUser.displayName }).waitFor();
      const manager = page.getByRole("region", { name: "Manager" });
      const search = manager.getByRole("combobox", { name: "New manager" });
      await search.click();
      await search.pressSequentially(cloudUser.displayName.slice(0, 5));
      // The list answers the typed text once the picker is no longer busy; a click during the update could be lost.
      await manager.locator('[role="combobox"][aria-busy="false"]').waitFor();
      await page.getByRole("option", { name: new RegExp(cloudUser.userPrincipalName.replaceAll(".", "\\.")) }).click();
      await manager.getByRole("button", { name: "Set manager" }).click();
      await manager.getByText("Update user properties: done.").waitFor();
      await manager.getByText(`${cloudUser.displayName} (${cloudUser.userPrincipalName})`).waitFor();
      const details = await server.api<{ data: { manager: { id: string } | null } }>("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: otherCloudUser.id });
      assert.equal(details.body.data.manager?.id, cloudUser.id, "Graph holds the new manager");

      await page.getByRole("button", { name: "Delete" }).click();
      const confirm = page.getByRole("alertdialog", { name: `Delete ${otherCloudUser.userPrincipalName}?` });
      await confirm.getByRole("button", { name: "Delete" }).click();
      const restore = page.getByRole("button", { name: "Restore" });
      await restore.waitFor();
      assert.ok(await page.getByText(/^Deleted /).isVisible(), "the page says the user is deleted");
      assert.equal((await server.api("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: otherCloudUser.id })).status, 404, "Graph no longer has the user");
      await restore.click();
      await page.getByRole("button", { name: "Delete" }).waitFor();
      assert.equal((await server.api("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: otherCloudUser.id })).status, 200, "the user is back");
    } finally {
      await context.close();
    }
  });
});
