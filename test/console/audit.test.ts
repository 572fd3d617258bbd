import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

const contoso = "contoso.onmicrosoft.com";
const action = "users.update-properties";
/** The demo's administrators: their job titles are not what this test is about. */
const demoAdmins = /^(admin\d*|helpdesk|useradmin|pwadmin|authadmin|privauth|groupsadmin|licenseadmin|globalreader)@/i;

interface ListedUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string | null;
}

interface AuditPage {
  readonly value: { sequence: number; action: string; outcome: string; target: { id?: string } | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
}

/** Waits for the drawer's opening animation to end, so that a screenshot shows it in place. */
async function settled(element: Locator): Promise<void> {
  await element.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

let server: TenantryServer;
let browser: Browser;

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
});

after(() => stopConsoleTestbed({ server, browser }));

describe("the audit log in the console", () => {
  test("a job title change is found by its action; its entry shows the old and the new title; the chain verifies", async () => {
    const users = await server.api<{ data: { value: ListedUser[] } }>("POST", `/api/tenants/${contoso}/actions/users.list`, { top: 200, synced: false, userType: "Member" });
    assert.equal(users.status, 200, JSON.stringify(users.body));
    const user = users.body.data.value.find((u) => u.jobTitle && !demoAdmins.test(u.userPrincipalName));
    assert.ok(user?.jobTitle, "a cloud-only contoso member with a job title");
    const oldTitle = user.jobTitle;
    const newTitle = `Audit reviewer ${Date.now() % 100_000}`;
    const change = await server.api<{ run: { state: string } }>("POST", `/api/tenants/${contoso}/actions/${action}`, { userId: user.id, changes: { jobTitle: newTitle } });
    assert.equal(change.status, 200, JSON.stringify(change.body));
    assert.equal(change.body.run.state, "succeeded");

    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/audit" });
    try {
      const entries = page.getByRole("table", { name: "Audit entries" });
      await entries.getByRole("row").nth(1).waitFor();
      await page.getByRole("combobox", { name: "Action" }).fill(action);
      await page.getByRole("combobox", { name: "Outcome" }).click();
      await page.getByRole("option", { name: "Succeeded" }).click();
      // The log names a user by its user principal name.
      const ours = entries.getByRole("row").filter({ hasText: new RegExp(user.userPrincipalName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") });
      await ours.first().waitFor();
      // What the table shows is what the API answers for the same filters.
      const expected = await server.api<AuditPage>("GET", `/api/audit?action=${action}&outcome=succeeded&limit=50`);
      const count = expected.body.value.length;
      await page.getByRole("status").filter({ hasText: `${count} ${count === 1 ? "entry" : "entries"} shown` }).waitFor();
      const shownActions = await entries.getByRole("row").locator("td:nth-child(3)").allTextContents();
      assert.deepEqual([...new Set(shownActions)], [action], "only the filtered action is listed");
      await saveScreenshot(page, "audit-light");

      await ours.first().getByRole("button").click();
      const drawer = page.getByRole("dialog", { name: action });
      const jobTitle = drawer.getByRole("table", { name: "Changes" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^jobTitle/ }) });
      const cells = await jobTitle.getByRole("cell").allTextContents();
      assert.deepEqual(
        cells.map((c) => c.trim()),
        [oldTitle, newTitle],
        "the diff shows the old and the new job title",
      );
      await drawer.getByText("Succeeded").first().waitFor();
      await drawer.getByText(`"jobTitle": "${newTitle}"`).waitFor();
      const stored = await server.api<AuditPage>("GET", `/api/audit?action=${action}&outcome=succeeded&target=${user.id}&limit=1`);
      assert.deepEqual([stored.body.value[0]?.before?.jobTitle, stored.body.value[0]?.after?.jobTitle], [oldTitle, newTitle], "as the log recorded it");
      await settled(drawer);
      await saveScreenshot(page, "audit-diff");
      await drawer.getByRole("button", { name: "Close" }).click();
      await drawer.waitFor({ state: "hidden" });

      await page.getByRole("button", { name: "Verify the chain" }).click();
      const verdict = page.getByText(/The chain is intact/);
      await verdict.waitFor();
      const checked = await page.getByText(/(entry|entries) checked/).textContent();
      const checkedCount = Number((/([\d,]+) (entry|entries) checked/.exec(checked ?? "")?.[1] ?? "").replaceAll(",", ""));
      const now = await server.api<{ ok: boolean; entries: number }>("POST", "/api/audit/verify");
      assert.equal(now.body.ok, true);
      assert.ok(checkedCount > 0 && checkedCount <= now.body.entries, `the console reports ${checkedCount} entries checked (the API now ${now.body.entries})`);
    } finally {
      await context.close();
    }
  });

  test("in the dark theme, the diff stays readable", async () => {
    const { page, context } = await signInToConsole(browser, server, `admin@${partnerDomain}`, { path: "/audit", colorScheme: "dark" });
    try {
      await page.getByRole("combobox", { name: "Action" }).fill(action);
      const entries = page.getByRole("table", { name: "Audit entries" });
      const row = entries.getByRole("row").filter({ hasText: action }).filter({ hasText: "Succeeded" }).first();
      await row.waitFor();
      await row.getByRole("button").click();
      const drawer = page.getByRole("dialog", { name: action });
      await drawer.getByRole("table", { name: "Changes" }).waitFor();
      await settled(drawer);
      await saveScreenshot(page, "audit-dark");
    } finally {
      await context.close();
    }
  });

  test("a technician does not verify the whole chain and sees why", async () => {
    const { page, context } = await signInToConsole(browser, server, `tech1@${partnerDomain}`, { path: "/audit" });
    try {
      assert.equal(await page.getByRole("button", { name: "Verify the chain" }).isDisabled(), true);
      await page.getByText("Verifying the whole log needs the Tenantry role Auditor.").waitFor();
      const { csrfToken } = (await (await page.request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
      const refused = await page.request.post(`${server.url}/api/audit/verify`, { headers: { "X-CSRF-Token": csrfToken, "X-Tenantry-Client": "console" } });
      assert.equal(refused.status(), 403, "the API refuses it too");
      assert.match(((await refused.json()) as { error: { message: string } }).error.message, /Auditor/);
    } finally {
      await context.close();
    }
  });
});
