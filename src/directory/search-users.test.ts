import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ActionInputError } from "../actions/action-errors.ts";
import { type Database, openDatabase } from "../store/database.ts";
import type { CursorPosition } from "./search-cursor.ts";
import type { TenantVisibility, UserSearch, UserSearchFilters, UserSearchSort } from "./search-query.ts";
import { skuIdsOf } from "./search-skus.ts";
import { searchStatement } from "./search-sql.ts";
import type { Stage } from "./search-stages.ts";
import { startsBetween } from "./search-starts.ts";
import { textMatch } from "./search-text.ts";
import { searchUsers } from "./search-users.ts";

// Users written straight into the cache as the sync would, and every search checked against the same search
// done plainly in JavaScript over the same users.

interface Fixture {
  tenant_id: string;
  id: string;
  user_principal_name: string;
  display_name: string | null;
  mail: string | null;
  account_enabled: boolean;
  user_type: string;
  synced: boolean;
  sku_ids: string[];
  admin_role_ids: string[];
  deleted_at: string | null;
}

const sku = { e3: "05e9a617-0261-4cee-bb44-138d3ef5d965", e5: "06ebc4ee-1bb5-47dd-8120-11324bc54e06", custom: "11111111-2222-4333-8444-555555555555" };
const role = { global: "62e90394-69f5-4237-9190-012177145e10", helpdesk: "729827e3-9c14-49f7-bb1b-9608f156bbb8" };
// Alpha: many users, none synced, "First Last". Beta: "Last, First" for some. Gamma: no display name stored for the
// tenant, employee numbers as user names. Delta: in the cache but no longer connected.
const tenants = {
  alpha: { id: "aaaaaaaa-0000-4000-8000-000000000001", name: "Alpha Corp", domain: "alpha.onmicrosoft.com", users: 12_000 },
  beta: { id: "bbbbbbbb-0000-4000-8000-000000000002", name: "beta ltd", domain: "beta.onmicrosoft.com", users: 8_000 },
  gamma: { id: "cccccccc-0000-4000-8000-000000000003", name: null, domain: "gamma.onmicrosoft.com", users: 8_000 },
  delta: { id: "dddddddd-0000-4000-8000-000000000004", name: "Delta", domain: "delta.onmicrosoft.com", users: 1_000 },
};
const connected = [tenants.alpha, tenants.beta, tenants.gamma];
const firstNames = ["Adele", "Alex", "Ben", "Carla", "Dana", "Eric", "Erica", "Fay", "Gus", "Hana", "Ivan", "Jo", "Joan", "Kim", "Lee", "Mo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tia", "Uma", "Vic", "Wes", "Xia", "Yan", "Zed"];
const lastNames = ["Anderson", "Baker", "Carson", "Diaz", "Eriksen", "Fisher", "Garcia", "Hansen", "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Nguyen", "Olsen", "Patel", "Quist", "Rossi", "Smith", "Tanaka", "Ueda", "Vance", "Wang", "Young", "Zhou"];

let dir: string;
let database: Database;
const users: Fixture[] = [];

function hash(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function uuidOf(text: string): string {
  const h = hash(text).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function generate(): void {
  for (const [key, tenant] of Object.entries(tenants)) {
    const slug = tenant.domain.split(".")[0]!;
    for (let i = 0; i < tenant.users; i++) {
      const b = hash(`${key}${i}`);
      const first = firstNames[b[0]! % firstNames.length]!;
      const last = lastNames[b[1]! % lastNames.length]!;
      const guest = b[2]! < 13;
      const alias = key === "gamma" && !guest ? `e${100000 + i}` : `${first}.${last}${b[3]! < 128 ? "" : b[3]! % 50}`.toLowerCase();
      const personal = `${first}.${last}@mail.example`.toLowerCase();
      users.push({
        tenant_id: tenant.id,
        id: uuidOf(`${key}${i}`),
        user_principal_name: guest ? `${personal.replace("@", "_")}#EXT#@${tenant.domain}` : `${alias}@${slug}.example`,
        display_name: b[4]! < 3 ? null : key === "beta" && b[5]! < 85 ? `${last}, ${first}` : `${first} ${last}`,
        mail: guest ? personal : b[6]! < 25 ? null : `${first}.${last}@${slug}.example`.toLowerCase(),
        account_enabled: b[7]! >= 20,
        user_type: guest ? "Guest" : "Member",
        synced: key !== "alpha" && !guest && b[8]! < 128,
        sku_ids: guest || b[9]! >= 205 ? [] : b[10]! < 40 ? [sku.custom] : b[10]! < 140 ? [sku.e3] : [sku.e5],
        admin_role_ids: !guest && b[11]! < 3 ? [b[12]! < 128 ? role.global : role.helpdesk] : [],
        deleted_at: b[13]! < 3 ? "2026-01-02T03:04:05.000Z" : null,
      });
    }
  }
  const special = (tenant: string, id: string, user_principal_name: string, display_name: string | null, mail: string | null): Fixture => ({
    tenant_id: tenant,
    id,
    user_principal_name,
    display_name,
    mail,
    account_enabled: true,
    user_type: "Member",
    synced: false,
    sku_ids: [sku.e3],
    admin_role_ids: [],
    deleted_at: null,
  });
  users.push(
    special(tenants.alpha.id, "00000000-0000-4000-8000-00000000a001", "adele.v@alpha.example", "ADELE VANCE", "adele.v@alpha.example"),
    // Only the mail starts with "ad".
    special(tenants.alpha.id, "00000000-0000-4000-8000-00000000a002", "av@alpha.example", "Vance, Adele", "adele.vance2@alpha.example"),
    special(tenants.beta.id, "00000000-0000-4000-8000-00000000b001", "zoe.angstrom@beta.example", "Zoë Ångström", null),
    special(tenants.gamma.id, "00000000-0000-4000-8000-00000000c001", "rate@gamma.example", "Rate 100%_done", null),
    special(tenants.gamma.id, "00000000-0000-4000-8000-00000000c002", "rate2@gamma.example", "Rate 1000 done", null),
  );
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-search-"));
  await chmod(dir, 0o755);
  database = await openDatabase({ dataDir: dir, env: {} });
  generate();
  for (const t of connected) {
    await database.pool.query("INSERT INTO tenant_connections (tenant_id, display_name, default_domain, connected_via) VALUES ($1, $2, $3, 'consent')", [t.id, t.name, t.domain]);
    await database.pool.query("INSERT INTO directory_skus (tenant_id, sku_id, sku_part_number) VALUES ($1, $2, 'CONTOSO_CUSTOM'), ($1, $3, 'SPE_E3')", [t.id, sku.custom, sku.e3]);
  }
  const column = <K extends keyof Fixture>(key: K) => users.map((u) => u[key]);
  await database.pool.query(
    `INSERT INTO directory_users (tenant_id, id, user_principal_name, display_name, mail, account_enabled, user_type, synced, sku_ids, admin_role_ids, deleted_at)
     SELECT t, i, upn, dn, mail, enabled, type, synced, string_to_array(skus, ',')::uuid[], string_to_array(roles, ','), deleted
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::timestamptz[])
       AS u(t, i, upn, dn, mail, enabled, type, synced, skus, roles, deleted)`,
    [
      column("tenant_id"),
      column("id"),
      column("user_principal_name"),
      column("display_name"),
      column("mail"),
      column("account_enabled"),
      column("user_type"),
      column("synced"),
      users.map((u) => u.sku_ids.join(",")),
      users.map((u) => u.admin_role_ids.join(",")),
      column("deleted_at"),
    ],
  );
  await database.pool.query("ANALYZE directory_users");
});

after(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

const everyTenant: TenantVisibility = { everyTenant: true, except: [], include: [] };

// The plain search: the same rules, in JavaScript. The embedded PostgreSQL compares text by code point (C.UTF-8),
// which is the order of UTF-8 bytes.
const compareText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const tenantNameOf = (tenantId: string) => {
  const t = connected.find((c) => c.id === tenantId)!;
  return t.name ?? t.domain;
};

function keysOf(u: Fixture, sort: UserSearchSort): string[] {
  const name = (u.display_name ?? "").toLowerCase();
  if (sort === "displayName") return [name, u.tenant_id, u.id];
  if (sort === "userPrincipalName") return [u.user_principal_name.toLowerCase(), u.tenant_id, u.id];
  return [tenantNameOf(u.tenant_id).toLowerCase(), u.tenant_id, name, u.id];
}

function textMatches(u: Fixture, text: string | undefined): boolean {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "") return true;
  const fields = [u.display_name ?? "", u.user_principal_name, u.mail ?? ""].map((f) => f.toLowerCase());
  if ([...t].length < 3) return fields.some((f) => f.startsWith(t));
  return `${fields[0]} ${fields[1]} ${fields[2]}`.includes(t);
}

function expected(search: UserSearch): string[] {
  const f: UserSearchFilters = search.filters ?? {};
  const v = search.visibleTenants;
  const sort = search.sort ?? "displayName";
  const rows = users.filter(
    (u) =>
      connected.some((c) => c.id === u.tenant_id) &&
      (v.everyTenant ? !v.except.includes(u.tenant_id) || v.include.includes(u.tenant_id) : v.include.includes(u.tenant_id)) &&
      (f.deleted === true ? u.deleted_at !== null : u.deleted_at === null) &&
      (f.tenantId === undefined || u.tenant_id === f.tenantId) &&
      (f.enabled === undefined || u.account_enabled === f.enabled) &&
      (f.licensed === undefined || u.sku_ids.length > 0 === f.licensed) &&
      (f.licensedWithSku === undefined || u.sku_ids.some((s) => f.licensedWithSku!.includes(s))) &&
      (f.synced === undefined || u.synced === f.synced) &&
      (f.guest === undefined || (u.user_type === "Guest") === f.guest) &&
      (f.adminRole === undefined || (f.adminRole === "any" ? u.admin_role_ids.length > 0 : u.admin_role_ids.includes(f.adminRole))) &&
      textMatches(u, search.text),
  );
  const order = search.order === "desc" ? -1 : 1;
  rows.sort((a, b) => {
    const [ka, kb] = [keysOf(a, sort), keysOf(b, sort)];
    for (let i = 0; i < ka.length; i++) {
      const c = compareText(ka[i]!, kb[i]!);
      if (c !== 0) return c * order;
    }
    return 0;
  });
  return rows.map((u) => `${u.tenant_id}/${u.id}`);
}

/** Every page of the search, following nextCursor. */
async function allPages(search: UserSearch): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 2000; pages++) {
    const page = await searchUsers(database.pool, { ...search, ...(cursor ? { cursor } : {}) });
    assert.ok(page.value.length <= (search.limit ?? 100));
    seen.push(...page.value.map((u) => `${u.tenantId}/${u.id}`));
    if (!page.nextCursor) return seen;
    assert.equal(page.value.length, search.limit ?? 100, "a page with a next cursor is full");
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

const smallStages: Stage[] = [
  { kind: "walk", budget: 3 },
  { kind: "lookup", cap: 40 },
  { kind: "walk", budget: 120 },
  { kind: "every" },
];

/** The first pages of the search, with the statement's stages made tiny so that each of them answers some pages. */
function firstPagesInSmallStages(search: UserSearch, pages: number): Promise<string[]> {
  return firstPagesWith(search, pages, smallStages, false);
}

/** The first pages of the search, each part answered by `stages` (a walk of a range by its bounds when `byCodePoint`). */
async function firstPagesWith(search: UserSearch, pages: number, stages: readonly Stage[], byCodePoint: boolean): Promise<string[]> {
  const seen: string[] = [];
  const limit = search.limit ?? 100;
  let position: CursorPosition | undefined;
  for (let page = 0; page < pages; page++) {
    const statement = searchStatement({
      text: textMatch(search.text),
      visibleTenants: search.visibleTenants,
      filters: search.filters ?? {},
      sort: search.sort ?? "displayName",
      order: search.order ?? "asc",
      rows: limit + 1,
      after: position,
      byCodePoint,
      stages: [0, 1, 2].map(() => stages),
    });
    const { rows } = await database.pool.query<{ tenant_id: string; id: string; k0: string; k1: string; k2: string; k3?: string }>(statement.text, statement.values);
    const found = rows.slice(0, limit);
    seen.push(...found.map((u) => `${u.tenant_id}/${u.id}`));
    if (rows.length <= limit) return seen;
    const last = found.at(-1)!;
    position = last.k3 === undefined ? [last.k0, last.k1, last.k2] : [last.k0, last.k1, last.k2, last.k3];
  }
  return seen;
}

const searches: { label: string; search: Omit<UserSearch, "visibleTenants"> & { visibleTenants?: TenantVisibility } }[] = [
  { label: "everyone by name", search: { limit: 500 } },
  { label: "everyone by user name, descending", search: { sort: "userPrincipalName", order: "desc", limit: 500 } },
  { label: "everyone by tenant", search: { sort: "tenant", limit: 500 } },
  { label: "one letter", search: { text: "e", limit: 97 } },
  { label: "one letter by user name", search: { text: "E", sort: "userPrincipalName", limit: 97 } },
  { label: "one letter by tenant, descending", search: { text: "a", sort: "tenant", order: "desc", limit: 97 } },
  { label: "two letters", search: { text: "va", limit: 50 } },
  { label: "two letters by user name", search: { text: "ad", sort: "userPrincipalName", limit: 50 } },
  { label: "a first name inside other names", search: { text: "eri", limit: 60 } },
  { label: "a substring by tenant", search: { text: "sen", sort: "tenant", limit: 120 } },
  { label: "a full name", search: { text: "jo smith", limit: 7 } },
  { label: "a domain", search: { text: "@beta.exam", sort: "userPrincipalName", limit: 200 } },
  { label: "blocked synced users by tenant", search: { sort: "tenant", filters: { synced: true, enabled: false }, limit: 25 } },
  { label: "synced users by tenant (the first tenant has none)", search: { sort: "tenant", filters: { synced: true }, limit: 300 } },
  { label: "guests with a letter", search: { text: "z", filters: { guest: true }, limit: 10 } },
  { label: "members of one tenant by name", search: { text: "an", filters: { tenantId: tenants.beta.id, guest: false }, limit: 80 } },
  { label: "unlicensed cloud users", search: { filters: { licensed: false, synced: false }, sort: "userPrincipalName", limit: 150 } },
  { label: "a SKU", search: { filters: { licensedWithSku: [sku.custom] }, order: "desc", limit: 300 } },
  { label: "administrators", search: { filters: { adminRole: "any" }, sort: "tenant", limit: 20 } },
  { label: "Helpdesk Administrators", search: { filters: { adminRole: role.helpdesk }, limit: 20 } },
  { label: "deleted users", search: { filters: { deleted: true }, sort: "userPrincipalName", limit: 30 } },
  { label: "two tenants seen", search: { text: "om", visibleTenants: { everyTenant: false, except: [], include: [tenants.alpha.id, tenants.gamma.id] }, limit: 70 } },
  { label: "all tenants but one", search: { sort: "tenant", visibleTenants: { everyTenant: true, except: [tenants.alpha.id], include: [] }, limit: 400 } },
];

describe("search across tenants", () => {
  test("each search, page by page, gives every matching user exactly once, in order", async () => {
    for (const { label, search } of searches) {
      const full = { visibleTenants: everyTenant, ...search };
      const want = expected(full);
      assert.ok(want.length > 0, `${label}: the fixture has matches`);
      assert.deepEqual(await allPages(full), want, label);
    }
  });

  test("each stage of the search (short walk, capped lookup, long walk, every match) gives the same pages", async () => {
    for (const { label, search } of searches) {
      const full = { visibleTenants: everyTenant, ...search, limit: Math.min(search.limit ?? 100, 60) };
      const pages = 6;
      assert.deepEqual(await firstPagesInSmallStages(full, pages), expected(full).slice(0, pages * full.limit), label);
    }
  });

  test("lookups of stretches of the sort order, and walks of ranges by their bounds, give the same pages", async () => {
    // Stretches ending anywhere, before or after where a page starts: a stretch answers only when it holds a page.
    const stretches: Stage[][] = [
      [{ kind: "lookup", cap: 40, upTo: "b" }, { kind: "lookup", cap: 100_000, upTo: "mo" }, { kind: "every" }],
      [{ kind: "walk", budget: 3 }, { kind: "lookup", cap: 100_000, upTo: "e" }, { kind: "lookup", cap: 100_000, upTo: "vance, adele" }, { kind: "every" }],
      [{ kind: "lookup", cap: 100_000, upTo: "" }, { kind: "lookup", cap: 100_000, upTo: "zoë" }, { kind: "walk", budget: 50, bounds: true }, { kind: "every" }],
      [{ kind: "walk", budget: 7, bounds: true }, { kind: "walk", budget: 400, bounds: true }, { kind: "every" }],
    ];
    for (const { label, search } of searches) {
      if (search.sort === "tenant") continue;
      for (const [i, stages] of stretches.entries()) {
        const full = { visibleTenants: everyTenant, ...search, limit: Math.min(search.limit ?? 100, 40) };
        const pages = 4;
        assert.deepEqual(await firstPagesWith(full, pages, stages, i !== 1), expected(full).slice(0, pages * full.limit), `${label}, stretches ${i}`);
      }
    }
  });

  test("sorted by tenant, tenant after tenant (each by its own stages) gives the same pages", async () => {
    const byTenant: Stage[][] = [
      [{ kind: "byTenant", stages: [{ kind: "lookup", cap: 3 }, { kind: "walk", budget: 5, bounds: true }, { kind: "every" }] }],
      [{ kind: "lookup", cap: 40 }, { kind: "byTenant", stages: [{ kind: "walk", budget: 4 }, { kind: "every" }] }],
      [{ kind: "walk", budget: 3 }, { kind: "byTenant", stages: [{ kind: "lookup", cap: 100_000 }] }],
      // Tenants looked up two at a time (or one tenant, taking all), one after another when a batch holds more.
      [{ kind: "byTenant", stages: [{ kind: "lookup", cap: 3 }, { kind: "walk", budget: 5 }, { kind: "every" }], batch: { tenants: 2, cap: 25 } }],
      [{ kind: "byTenant", stages: [{ kind: "every" }], batch: { tenants: 1, cap: 100_000 } }],
    ];
    for (const { label, search } of searches) {
      for (const [i, stages] of byTenant.entries()) {
        const order = i % 2 === 0 ? search.order ?? "asc" : search.order === "desc" ? "asc" : "desc";
        const full = { visibleTenants: everyTenant, ...search, sort: "tenant" as const, order, limit: Math.min(search.limit ?? 100, 60) };
        const pages = 3;
        assert.deepEqual(await firstPagesWith(full, pages, stages, i % 2 === 0), expected(full).slice(0, pages * full.limit), `${label} by tenant ${order}, stages ${i}`);
      }
    }
  });

  test("the words for a stretch of the sort order name every key in it", async () => {
    const names = ["", "a", "ab", "A-B", "o'Brien", "zz top", "Zoë Ångström", "Émile", "ÿ", "Ā", "中文", "{x}", "~tilde", "1st", " space", "aé", "a{", "a~", "a中", "Ab", "b", "mo", "mz"];
    const { rows } = await database.pool.query<{ key: string; name: string[]; upn: string[] }>(
      "SELECT lower(n) AS key, directory_user_name_starts(n) AS name, directory_user_upn_starts(n) AS upn FROM unnest($1::text[]) n",
      [names],
    );
    const bounds = [undefined, ...rows.map((r) => r.key)];
    for (const from of bounds) {
      for (const to of bounds) {
        for (const property of ["n", "u"] as const) {
          const words = new Set(startsBetween(property, from, to));
          for (const row of rows) {
            const inside = (from === undefined || compareText(from, row.key) <= 0) && (to === undefined || compareText(row.key, to) <= 0);
            if (inside) assert.ok(row[property === "n" ? "name" : "upn"].some((w) => words.has(w)), `${row.key} lies from ${from} to ${to}`);
          }
        }
      }
    }
  });

  test("a prefix matches the start of the display name, user name or mail, in any case", async () => {
    const page = await searchUsers(database.pool, { text: "Ad", visibleTenants: everyTenant, filters: { tenantId: tenants.alpha.id }, limit: 500 });
    const ids = page.value.map((u) => u.id);
    assert.ok(ids.includes("00000000-0000-4000-8000-00000000a001"), "ADELE VANCE by display name");
    assert.ok(ids.includes("00000000-0000-4000-8000-00000000a002"), "Vance, Adele by mail only");
    assert.ok(page.value.every((u) => [u.displayName, u.userPrincipalName, u.mail].some((f) => f?.toLowerCase().startsWith("ad"))));
  });

  test("a substring matches inside a name, in any case and alphabet, and %, _ and \\ match themselves", async () => {
    const search = (text: string) => searchUsers(database.pool, { text, visibleTenants: everyTenant }).then((p) => p.value.map((u) => u.displayName));
    assert.deepEqual(await search("NGSTR"), ["Zoë Ångström"]);
    assert.deepEqual(await search("zoË å"), ["Zoë Ångström"]);
    assert.deepEqual(await search("0%_d"), ["Rate 100%_done"]);
    assert.deepEqual(await search("AV@alpha"), ["Vance, Adele"]);
    assert.deepEqual(await search("\\"), []);
  });

  test("rows carry the tenant's name and the licences by part number", async () => {
    const page = await searchUsers(database.pool, { visibleTenants: everyTenant, filters: { licensedWithSku: [sku.custom], tenantId: tenants.gamma.id }, limit: 1 });
    assert.equal(page.value[0]?.tenantName, "gamma.onmicrosoft.com");
    assert.deepEqual(page.value[0]?.licenses, ["CONTOSO_CUSTOM"]);
    const zoe = await searchUsers(database.pool, { text: "zoë", visibleTenants: everyTenant });
    assert.deepEqual(zoe.value.map((u) => [u.tenantName, u.licenses]), [["beta ltd", ["SPE_E3"]]]);
  });

  test("only the tenants seen, and never a tenant no longer connected", async () => {
    const only = await searchUsers(database.pool, { visibleTenants: { everyTenant: false, except: [], include: [tenants.beta.id] }, limit: 500 });
    assert.ok(only.value.length > 0 && only.value.every((u) => u.tenantId === tenants.beta.id));
    const none = await searchUsers(database.pool, { visibleTenants: { everyTenant: false, except: [], include: [] } });
    assert.deepEqual(none.value, []);
    const delta = await searchUsers(database.pool, { visibleTenants: everyTenant, filters: { tenantId: tenants.delta.id } });
    assert.deepEqual(delta.value, []);
  });

  test("a SKU part number means its SKU ids; an unknown one is refused naming the field", async () => {
    assert.deepEqual(await skuIdsOf(database.pool, "spe_e3", "sku"), [sku.e3]);
    assert.deepEqual(await skuIdsOf(database.pool, "CONTOSO_CUSTOM", "sku"), [sku.custom]);
    assert.deepEqual(await skuIdsOf(database.pool, sku.e5.toUpperCase(), "sku"), [sku.e5]);
    await assert.rejects(skuIdsOf(database.pool, "NO_SUCH_SKU", "sku"), (error: unknown) => error instanceof ActionInputError && error.field === "sku");
  });

  test("an edited cursor, or the cursor of another search, is refused naming the cursor", async () => {
    const search: UserSearch = { text: "smith", visibleTenants: everyTenant, limit: 5 };
    const first = await searchUsers(database.pool, search);
    const cursor = first.nextCursor!;
    const isCursorError = (error: unknown) => error instanceof ActionInputError && error.field === "cursor";
    const [payload, sum] = cursor.split(".");
    const edited = `${payload!.slice(0, 10)}${payload![10] === "A" ? "B" : "A"}${payload!.slice(11)}.${sum}`;
    await assert.rejects(searchUsers(database.pool, { ...search, cursor: edited }), isCursorError);
    await assert.rejects(searchUsers(database.pool, { ...search, cursor: "not-a-cursor" }), isCursorError);
    const forged = Buffer.from(JSON.stringify({ sort: "displayName", order: "asc", search: "x", after: ["a", "b", "c"] })).toString("base64url");
    await assert.rejects(searchUsers(database.pool, { ...search, cursor: `${forged}.${sum}` }), isCursorError);
    await assert.rejects(searchUsers(database.pool, { ...search, text: "jones", cursor }), isCursorError);
    await assert.rejects(searchUsers(database.pool, { ...search, sort: "tenant", cursor }), isCursorError);
    await assert.rejects(searchUsers(database.pool, { ...search, order: "desc", cursor }), isCursorError);
    await assert.rejects(searchUsers(database.pool, { ...search, filters: { guest: false }, cursor }), isCursorError);
    const second = await searchUsers(database.pool, { ...search, cursor });
    assert.equal(second.value.length, 5);
  });

  test("a page holds 1 to 2,500 users", async () => {
    for (const limit of [0, 2501, 2.5]) {
      await assert.rejects(searchUsers(database.pool, { visibleTenants: everyTenant, limit }), (error: unknown) => error instanceof ActionInputError && error.field === "limit");
    }
  });
});
