import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { partnerDomain, saveScreenshot, signInToConsole, startConsoleTestbed, stopConsoleTestbed } from "../support/console-browser.ts";
import type { TenantryServer } from "../support/tenantry-server.ts";

interface SearchRow {
  tenantId: string;
  tenantName: string;
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  mail: string | null;
  accountEnabled: boolean | null;
  userType: string | null;
  synced: boolean;
  licenses: string[];
  adminRoleIds: string[];
}

let server: TenantryServer;
let browser: Browser;
const admin = `admin@${partnerDomain}`;

/** Until every tenant's first directory sync has ended (the demo's consented tenants fill the cache). */
async function directorySynced(): Promise<void> {
  await eventually(async () => {
    const states = (await server.api<{ value: { runningSince: string | null; lastSuccessAt: string | null; lastErrorAt: string | null }[] }>("GET", "/api/sync")).body.value;
    assert.ok(states.length > 0 && states.every((s) => s.runningSince === null && (s.lastSuccessAt ?? s.lastErrorAt)), JSON.stringify(states));
  }, 120_000);
}

before(async () => {
  ({ server, browser } = await startConsoleTestbed());
  await directorySynced();
});

after(() => stopConsoleTestbed({ server, browser }));

/** Every row the API's search finds for this query, through all its pages. */
async function searchAll(query: Record<string, string>): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: "500", ...(cursor ? { cursor } : {}) });
    const answer = await server.api<{ value: SearchRow[]; nextCursor: string | null }>("GET", `/api/users/search?${params}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    rows.push(...answer.body.value);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return rows;
}

/** Retries the check until it passes or `ms` have gone by. */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const grid = (page: Page) => page.getByRole("grid", { name: "Users" });
const headers = (page: Page) => grid(page).getByRole("columnheader").allInnerTexts();

/** The cells of the rows in the page (the table shows only those near the view), under their column's name. */
async function shownRows(page: Page): Promise<Record<string, string>[]> {
  const names = await headers(page);
  const rows = await grid(page).getByRole("row").all();
  const cells = await Promise.all(rows.slice(1).map((row) => row.getByRole("gridcell").allInnerTexts()));
  return cells.map((texts) => Object.fromEntries(texts.map((text, i) => [names[i] ?? "", text.trim()])));
}

const countText = (page: Page, count: number, more = false) => page.getByText(`${count.toLocaleString("en")} ${count === 1 ? "user" : "users"} loaded, ${more ? "more match" : "all that match"}`);

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; lines end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

describe("users across tenants", () => {
  test("typing part of a name finds the same users, in the same order, as the API; the tenant filter follows the header's", async () => {
    const { page, context } = await signInToConsole(browser, server, admin, { path: "/users" });
    try {
      const everyone = await searchAll({});
      await countText(page, everyone.length).waitFor();
      await saveScreenshot(page, "users-light");

      const expected = await searchAll({ q: "arav" });
      assert.ok(new Set(expected.map((r) => r.tenantId)).size >= 2, "the demo has users named so in two tenants");
      await page.getByRole("searchbox").fill("arav");
      await countText(page, expected.length).waitFor();
      assert.equal(new URL(page.url()).searchParams.get("q"), "arav", "the search is in the page's address");
      await eventually(async () => {
        const shown = await shownRows(page);
        assert.deepEqual(
          shown.map((r) => [r["Name"], r["User name"], r["Tenant"]]),
          expected.map((r) => [r.displayName, r.userPrincipalName, r.tenantName]),
        );
      });

      const fabrikam = expected.find((r) => r.tenantName === "Fabrikam")!;
      await page.getByRole("combobox", { name: "In tenant" }).click();
      await page.getByRole("option", { name: "Fabrikam" }).click();
      const inFabrikam = expected.filter((r) => r.tenantId === fabrikam.tenantId);
      await countText(page, inFabrikam.length).waitFor();
      assert.deepEqual(
        (await shownRows(page)).map((r) => r["User name"]),
        inFabrikam.map((r) => r.userPrincipalName),
      );
      assert.equal(await page.getByRole("combobox", { name: "Tenant", exact: true }).textContent(), "Fabrikam", "the header's tenant switcher follows");
    } finally {
      await context.close();
    }
  });

  test("guests only, sorted by user name descending", async () => {
    const { page, context } = await signInToConsole(browser, server, admin, { path: "/users", colorScheme: "dark" });
    try {
      const guests = await searchAll({ guest: "true" });
      assert.ok(guests.length > 10 && guests.length < 500, `the demo has some guests (${guests.length})`);
      await page.getByRole("combobox", { name: "Type" }).click();
      await page.getByRole("option", { name: "Guests", exact: true }).click();
      await countText(page, guests.length).waitFor();
      await eventually(async () => {
        const shown = await shownRows(page);
        assert.ok(shown.length > 5);
        assert.deepEqual(new Set(shown.map((r) => r["Type"])), new Set(["Guest"]));
      });

      const byUserName = page.getByRole("columnheader", { name: "User name" });
      assert.equal(await byUserName.getAttribute("aria-sort"), "none");
      await byUserName.getByRole("button").click();
      await eventually(async () => assert.equal(await byUserName.getAttribute("aria-sort"), "ascending"));
      await byUserName.getByRole("button").click();
      await eventually(async () => assert.equal(await byUserName.getAttribute("aria-sort"), "descending"));
      assert.equal(await page.getByRole("columnheader", { name: "Name", exact: true }).getAttribute("aria-sort"), "none");
      const descending = await searchAll({ guest: "true", sort: "userPrincipalName", order: "desc" });
      assert.notDeepEqual(descending.map((r) => r.id), guests.map((r) => r.id), "the order differs from the name order");
      await eventually(async () => {
        const shown = (await shownRows(page)).map((r) => r["User name"]);
        assert.deepEqual(shown, descending.slice(0, shown.length).map((r) => r.userPrincipalName));
      });
      await saveScreenshot(page, "users-dark");
    } finally {
      await context.close();
    }
  });

  test("a hidden column stays hidden; the CSV export holds every matching user with the columns shown", async () => {
    const { page, context } = await signInToConsole(browser, server, admin, { path: "/users" });
    try {
      const everyone = await searchAll({});
      await countText(page, everyone.length).waitFor();
      assert.ok((await headers(page)).includes("Tenant"));
      await page.getByRole("button", { name: "Columns" }).click();
      await page.getByRole("menuitemcheckbox", { name: "Tenant", exact: true }).click();
      await page.getByRole("menuitemcheckbox", { name: "Mail", exact: true }).click();
      await page.keyboard.press("Escape");
      await page.reload();
      await countText(page, everyone.length).waitFor();
      const shownHeaders = (await headers(page)).slice(1);
      assert.ok(!shownHeaders.includes("Tenant"), `Tenant is hidden after a reload: ${shownHeaders.join(", ")}`);
      assert.ok(shownHeaders.includes("Mail"));

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
      assert.match(download.suggestedFilename(), /^users-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile((await download.path())!, "utf8");
      assert.ok(text.startsWith("\uFEFF"), "a byte order mark tells spreadsheets the file is UTF-8");
      const [header, ...records] = parseCsv(text.slice(1));
      assert.deepEqual(header, shownHeaders);
      assert.equal(records.length, everyone.length, "every matching user, not only those loaded");

      const roles = (await server.api<{ value: { id: string; name: string }[] }>("GET", "/api/roles")).body.value;
      const roleName = new Map(roles.map((r) => [r.id, r.name]));
      const expectedCell: Record<string, (r: SearchRow) => string> = {
        "Name": (r) => r.displayName ?? "",
        "User name": (r) => r.userPrincipalName,
        "Mail": (r) => r.mail ?? "",
        "Sign-in": (r) => (r.accountEnabled === null ? "" : r.accountEnabled ? "Enabled" : "Blocked"),
        "Type": (r) => r.userType ?? "",
        "Source": (r) => (r.synced ? "Synced" : "Cloud"),
        "Licences": (r) => r.licenses.join(", "),
        "Admin roles": (r) => r.adminRoleIds.map((id) => roleName.get(id) ?? id).join(", "),
      };
      const expected = everyone.map((r) => header!.map((column) => expectedCell[column]!(r)));
      assert.deepEqual(records, expected);
      assert.ok(
        records.some((r) => r[header!.indexOf("Licences")]!.includes(", ")),
        "some users have two licences: fields with commas come back whole",
      );
      assert.ok(
        records.some((r) => r[header!.indexOf("Admin roles")] !== ""),
        "some users hold admin roles, by name",
      );
    } finally {
      await context.close();
    }
  });

  test("rows are reached and opened with the keyboard; each name is a link to the user's page", async () => {
    const { page, context } = await signInToConsole(browser, server, admin, { path: "/users" });
    try {
      const everyone = await searchAll({});
      await countText(page, everyone.length).waitFor();
      const rows = grid(page).getByRole("row");
      const first = everyone[0]!;
      assert.equal(await rows.nth(1).getByRole("link").getAttribute("href"), `/tenants/${first.tenantId}/users/${first.id}`);
      await rows.nth(1).focus();
      await page.keyboard.press("End");
      const last = everyone.at(-1)!;
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.querySelector("a")?.textContent), last.displayName));
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      const third = everyone[2]!;
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-rowindex")), "4"));
      await page.keyboard.press("Enter");
      await eventually(async () => assert.equal(new URL(page.url()).pathname, `/tenants/${third.tenantId}/users/${third.id}`));
    } finally {
      await context.close();
    }
  });

  test("selected users start a bulk job by list; every user of a large search, by the search", async () => {
    const { page, context } = await signInToConsole(browser, server, admin, { path: "/users" });
    try {
      const everyone = await searchAll({});
      await countText(page, everyone.length).waitFor();
      const start = page.getByRole("button", { name: "Start bulk job" });
      assert.ok(await start.isDisabled(), "nothing is selected yet");
      const rows = grid(page).getByRole("row");
      await rows.nth(1).focus();
      await page.keyboard.press("Space");
      await rows.nth(3).getByRole("checkbox").click();
      assert.equal(await rows.nth(1).getAttribute("aria-selected"), "true");
      assert.equal(await rows.nth(2).getAttribute("aria-selected"), "false");
      await page.getByText("2 selected").waitFor();
      await start.click();
      await eventually(async () => assert.equal(new URL(page.url()).pathname, "/jobs"));
      const key = (r: SearchRow) => `${r.tenantId}:${r.id}`;
      assert.deepEqual(new URL(page.url()).searchParams.get("users")?.split(","), [key(everyone[0]!), key(everyone[2]!)]);

      await page.goBack();
      await countText(page, everyone.length).waitFor();
      assert.ok(everyone.length > 500);
      await page.getByRole("checkbox", { name: "Select every user the search finds" }).check();
      await page.getByRole("combobox", { name: "Sign-in" }).click();
      await page.getByRole("option", { name: "Enabled", exact: true }).click();
      await countText(page, (await searchAll({ enabled: "true" })).length).waitFor();
      assert.equal(new URL(page.url()).searchParams.get("enabled"), "true");
      assert.ok(await start.isDisabled(), "a new search starts with nothing selected");
      await page.getByRole("checkbox", { name: "Select every user the search finds" }).check();
      await start.click();
      await eventually(async () => assert.equal(new URL(page.url()).pathname, "/jobs"));
      assert.deepEqual(JSON.parse(new URL(page.url()).searchParams.get("search") ?? "null"), { enabled: true });
    } finally {
      await context.close();
    }
  });
});
