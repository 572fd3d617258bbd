// The users table's CSV and bulk-job hand-over, as pure functions (the browser test exports a real file).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bulkJobTarget, noSelection } from "../../web/src/pages/users/row-selection.ts";
import { userColumns } from "../../web/src/pages/users/users-columns.ts";
import { csvField, csvLine, csvRows } from "../../web/src/pages/users/users-csv.ts";
import type { UserRow, UsersSearch } from "../../web/src/api/users-search.ts";

const row: UserRow = {
  tenantId: "7044d079-a695-417d-bc7c-e0c2a80bffb4",
  tenantName: "Contoso, Ltd",
  id: "f217814c-f294-49d9-8068-06bdb698d2ab",
  userPrincipalName: "jo@contoso.com",
  displayName: 'Jo "JJ" Smith',
  mail: null,
  accountEnabled: false,
  userType: "Member",
  synced: true,
  jobTitle: "Line one\nline two",
  department: "=HYPERLINK(\"http://evil\")",
  usageLocation: "NL",
  skuIds: [],
  licenses: ["SPE_E3", "FLOW_FREE"],
  adminRoleIds: ["729827e3-9c14-49f7-bb1b-9608f156bbb8"],
  deletedAt: null,
};

const search: UsersSearch = { text: " jo ", adminsOnly: true, sort: "displayName", order: "asc", guest: false };

describe("users CSV", () => {
  test("fields with commas, quotes or line breaks are quoted with their quotes doubled; lines end with CRLF", () => {
    assert.equal(csvField("plain"), "plain");
    assert.equal(csvField("a,b"), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField("two\r\nlines"), '"two\r\nlines"');
    assert.equal(csvLine(["a", "b,c", ""]), 'a,"b,c",\r\n');
  });

  test("a field a spreadsheet would run as a formula is written as text", () => {
    assert.equal(csvField("=1+1"), "'=1+1");
    assert.equal(csvField("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  });

  test("each row has the chosen columns as the table shows them, role names included", () => {
    const columns = userColumns.filter((c) => ["displayName", "tenant", "accountEnabled", "synced", "jobTitle", "department", "licenses", "adminRoles"].includes(c.id));
    const names = new Map([["729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"]]);
    assert.equal(csvRows([row], columns, names), '"Jo ""JJ"" Smith","Contoso, Ltd",Blocked,Synced,"Line one\nline two","\'=HYPERLINK(""http://evil"")","SPE_E3, FLOW_FREE",Helpdesk Administrator\r\n');
  });
});

describe("starting a bulk job from the table", () => {
  const rows = [row, { ...row, id: "6c6e5995-c681-4125-83b3-6e622cad333c" }];

  test("selected users go by list, as tenantId:userId", () => {
    const target = bulkJobTarget({ all: false, keys: new Set([`${row.tenantId}:${row.id}`]) }, rows, false, search);
    assert.deepEqual(target, { path: `/jobs?users=${encodeURIComponent(`${row.tenantId}:${row.id}`)}` });
  });

  test("every user of a search: by list when all are loaded and few, else the search as POST /api/jobs takes it", () => {
    const all = { all: true, keys: new Set<string>() };
    assert.deepEqual(new URL(`http://x${(bulkJobTarget(all, rows, true, search) as { path: string }).path}`).searchParams.get("users")?.split(","), rows.map((r) => `${r.tenantId}:${r.id}`));
    const bySearch = new URL(`http://x${(bulkJobTarget(all, rows, false, search) as { path: string }).path}`);
    assert.deepEqual(JSON.parse(bySearch.searchParams.get("search")!), { text: "jo", guest: false, adminRole: "any" });
    assert.match((bulkJobTarget(all, rows, false, { ...search, sku: "SPE_E3" }) as { reason: string }).reason, /SKU/);
  });

  test("nothing selected, or more than 500 by hand, is explained", () => {
    assert.match((bulkJobTarget(noSelection, rows, true, search) as { reason: string }).reason, /Select users/);
    const many = new Set(Array.from({ length: 501 }, (_, i) => `t:${i}`));
    assert.match((bulkJobTarget({ all: false, keys: many }, rows, false, search) as { reason: string }).reason, /up to 500/);
  });
});
