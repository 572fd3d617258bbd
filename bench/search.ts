import { chmod, mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Pool } from "pg";
import { searchUsers } from "../src/directory/search-users.ts";
import type { TenantVisibility, UserSearch, UserSearchSort } from "../src/directory/search-query.ts";
import { openDatabase } from "../src/store/database.ts";

// Search across tenants over the directory cache: 1,000,000 users in 200 tenants, written straight into
// an embedded PostgreSQL as the sync would leave them, then 1,000 mixed searches one after another.
// Target: p95 of 50 ms or less. BENCH_DATA_DIR=<dir> keeps the database there and reuses it on the next run.
const userCount = Number(process.env.BENCH_USERS ?? 1_000_000);
const tenantCount = 200;
const queryCount = 1000;
const targetP95Ms = 50;

// Common given names and surnames; each user's are picked by a hash of its number, so every run has the same data.
const firstNames = (
  "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen " +
  "Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle " +
  "Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia " +
  "Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda Justin Pamela Scott Nicole Brandon Emma " +
  "Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria " +
  "Tyler Heather Aaron Diane Jose Virginia Adam Julie Henry Joyce Nathan Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren " +
  "Noah Joan Ethan Evelyn Jeremy Judith Walter Megan Christian Cheryl Keith Andrea Roger Hannah Terry Martha Austin Jacqueline Sean Frances " +
  "Lars Ingrid Sven Astrid Pierre Camille Hans Greta Luca Giulia Mateo Lucia Hiroshi Yuki Wei Mei Arjun Priya Omar Fatima Kwame Amara " +
  "Zoe Yusuf Chloe Diego Ines Malik Nora Oskar Elif Rafael Sofia Tomasz Aisha Bjorn Leila Mikhail Noor Quentin Renata Soren"
).split(" ");
const lastNames = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin " +
  "Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores " +
  "Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes " +
  "Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson " +
  "Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez " +
  "Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham " +
  "Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens " +
  "Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter " +
  "Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox " +
  "Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins " +
  "Mueller Schneider Fischer Weber Becker Hoffmann Schulz Koch Richter Wolf Dubois Lefebvre Moreau Laurent Bernard Rossi Russo Ferrari Esposito Bianchi " +
  "Jansen Visser Smit Bakker Lindqvist Nilsson Eriksson Larsen Hansen Nowak Kowalski Wisniewski Sato Suzuki Takahashi Tanaka Wang Li Zhang Liu " +
  "Singh Kumar Sharma Gupta Khan Ali Hassan Ahmed Okafor Mensah Oliveira Santos Pereira Costa Novak Horvat Popescu Ivanova Petrov O'Brien"
).split(" ");
const tenantWords = ["Contoso", "Fabrikam", "Northwind", "Woodgrove", "Adatum", "Litware", "Tailspin", "Wingtip", "Alpine", "Proseware", "Lucerne", "Margie", "Fourth Coffee", "Coho", "Humongous", "Wide World", "Trey", "Relecloud", "Datum", "Bellows"];
const tenantKinds = ["Logistics", "Health", "Legal", "Bank", "Foods", "Energy", "Travel", "Media", "Works", "Partners"];
const skus = {
  SPE_E3: "05e9a617-0261-4cee-bb44-138d3ef5d965",
  ENTERPRISEPACK: "6fd2c87f-b296-42f0-b197-1e91e994b900",
  SPB: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
  EXCHANGESTANDARD: "4b9405b0-7788-4568-add1-99614e613b69",
  SPE_E5: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
  EMS: "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
};
const adminRoles = ["62e90394-69f5-4237-9190-012177145e10", "fe930be7-5e62-47db-91af-98c3a49a38b1", "729827e3-9c14-49f7-bb1b-9608f156bbb8"];

const tenantId = (t: number) => `00000000-0000-4000-8000-${String(t + 1).padStart(12, "0")}`;

// Tenant t: sizes fall from ~70,000 users to ~2,500 (users are spread by the square of their position); how
// the tenant names its users varies: first.last, an initial and the surname, or an employee number;
// "Last, First" display names in some; synced from Active Directory in three of four.
const tenantsSql = `
  INSERT INTO tenant_connections (tenant_id, display_name, default_domain, verified_domains, connected_via)
  SELECT ('00000000-0000-4000-8000-' || lpad((t + 1)::text, 12, '0'))::uuid, name, slug || '.onmicrosoft.com', ARRAY[slug || '.onmicrosoft.com', slug || '.com'], 'consent'
  FROM (SELECT t, $1::text[] AS words, $2::text[] AS kinds FROM generate_series(0, $3::int - 1) t) s,
  LATERAL (SELECT words[1 + t % 20] || ' ' || kinds[1 + (t / 20) % 10] AS name, lower(replace(words[1 + t % 20] || kinds[1 + (t / 20) % 10], ' ', '')) AS slug) n`;

const usersSql = `
  INSERT INTO directory_users (tenant_id, id, user_principal_name, display_name, mail, account_enabled, user_type, synced, job_title, department, usage_location, sku_ids, admin_role_ids, deleted_at)
  SELECT c.tenant_id, md5('user' || i)::uuid,
    CASE WHEN guest THEN replace(personal, '@', '_') || '#EXT#@' || c.default_domain ELSE alias || '@' || c.slug || '.com' END,
    CASE WHEN t % 7 = 5 AND NOT guest THEN last || ', ' || first ELSE first || ' ' || last END,
    CASE WHEN guest THEN personal WHEN get_byte(b, 14) < 25 THEN NULL ELSE lower(first || '.' || last) || '@' || c.slug || '.com' END,
    get_byte(b, 5) >= 20,
    CASE WHEN guest THEN 'Guest' ELSE 'Member' END,
    NOT guest AND t % 4 <> 0 AND get_byte(b, 6) < 160,
    ($5::text[])[1 + get_byte(b, 9) % 10],
    ($6::text[])[1 + get_byte(b, 10) % 10],
    ($7::text[])[1 + t % 8],
    CASE WHEN guest OR get_byte(b, 7) >= 205 THEN '{}'::uuid[]
         WHEN get_byte(b, 8) < 20 THEN ARRAY[($8::uuid[])[1 + get_byte(b, 11) % 5], ($8::uuid[])[6]]
         ELSE ARRAY[($8::uuid[])[1 + get_byte(b, 11) % 5]] END,
    CASE WHEN NOT guest AND get_byte(b, 12) = 0 AND get_byte(b, 13) < 128 THEN ARRAY[($9::text[])[1 + get_byte(b, 15) % 3]] ELSE '{}'::text[] END,
    CASE WHEN get_byte(b, 13) >= 254 THEN now() - interval '3 days' END
  FROM (
    SELECT i, t, b, first, last, guest,
      CASE t % 5 WHEN 3 THEN lower(left(first, 1) || last) WHEN 4 THEN 'e' || (100000 + i) ELSE lower(first || '.' || last) END
        || CASE WHEN t % 5 <> 4 AND get_byte(b, 15) >= 128 THEN (10 + get_byte(b, 15) % 90)::text ELSE '' END AS alias,
      lower(first || '.' || last) || '@' || (ARRAY['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me'])[1 + get_byte(b, 3) % 4] AS personal
    FROM (
      SELECT i, t, b, get_byte(b, 4) < 13 AS guest,
        ($3::text[])[1 + (get_byte(b, 0) * 256 + get_byte(b, 1)) % cardinality($3::text[])] AS first,
        ($4::text[])[1 + (get_byte(b, 2) * 256 + get_byte(b, 3)) % cardinality($4::text[])] AS last
      FROM (SELECT i, floor($10::int * power((i - 1)::float8 / $11::int, 2))::int AS t, decode(md5('u' || i), 'hex') AS b FROM generate_series($1::int, $2::int) i) g
    ) r
  ) q
  JOIN (SELECT tenant_id, default_domain, split_part(default_domain, '.', 1) AS slug FROM tenant_connections) c ON c.tenant_id = ('00000000-0000-4000-8000-' || lpad((q.t + 1)::text, 12, '0'))::uuid`;

const jobTitles = ["Accountant", "Engineer", "Sales Manager", "Consultant", "Nurse", "Analyst", "Designer", "Technician", "Director", "Assistant"];
const departments = ["Finance", "Engineering", "Sales", "Operations", "Marketing", "Human Resources", "Legal", "IT", "Support", "Research"];
const countries = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE"];

/** Writes the tenants, their SKUs and the users; returns the seconds it took. */
async function load(pool: Pool): Promise<number> {
  await pool.query(tenantsSql, [tenantWords, tenantKinds, tenantCount]);
  await pool.query(
    `INSERT INTO directory_skus (tenant_id, sku_id, sku_part_number, capability_status, enabled_units, consumed_units)
     SELECT c.tenant_id, s.id, s.part, 'Enabled', 100000, 0 FROM tenant_connections c, unnest($1::uuid[], $2::text[]) s(id, part)`,
    [Object.values(skus), Object.keys(skus)],
  );
  // As a first sync into an empty cache would, the secondary indexes are built once the rows are in.
  const indexes = (await pool.query<{ name: string; definition: string }>("SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'directory_users' AND indexname <> 'directory_users_pkey'")).rows;
  for (const index of indexes) await pool.query(`DROP INDEX ${index.name}`);
  const started = performance.now();
  const chunk = 100_000;
  for (let from = 1; from <= userCount; from += chunk) {
    const to = Math.min(userCount, from + chunk - 1);
    await pool.query(usersSql, [from, to, firstNames, lastNames, jobTitles, departments, countries, Object.values(skus), adminRoles, tenantCount, userCount]);
    process.stdout.write(`\r  ${to.toLocaleString("en")} users written`);
  }
  const written = performance.now();
  console.log(` in ${((written - started) / 1000).toFixed(1)} s (${Math.round(userCount / ((written - started) / 1000)).toLocaleString("en")} users/s)`);
  await pool.query("SET maintenance_work_mem = '256MB'");
  for (const index of indexes) await pool.query(index.definition);
  await pool.query("RESET maintenance_work_mem");
  const indexed = performance.now();
  console.log(`  ${indexes.length} indexes built in ${((indexed - written) / 1000).toFixed(1)} s`);
  await pool.query("VACUUM ANALYZE directory_users");
  const seconds = (performance.now() - started) / 1000;
  console.log(`  vacuumed and analysed in ${((performance.now() - indexed) / 1000).toFixed(1)} s; loaded in ${seconds.toFixed(1)} s in all`);
  return seconds;
}

/** mulberry32: the same queries on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Query {
  readonly kind: string;
  readonly search: Omit<UserSearch, "cursor">;
  /** Also fetch the second page with the first page's cursor. */
  readonly secondPage: boolean;
}

function queries(count: number): Query[] {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const allTenants = Array.from({ length: tenantCount }, (_, t) => tenantId(t));
  const list: Query[] = [];
  while (list.length < count) {
    const first = pick(firstNames).toLowerCase();
    const last = pick(lastNames).toLowerCase();
    // What technicians type, by share of searches: mostly names and user names; a few one or two letters (the
    // first keystrokes of a search as you type); a part of a domain; or nothing, to list with filters.
    const texts: [string, number, string | undefined][] = [
      ["none", 18, undefined],
      ["1-char prefix", 5, first.slice(0, 1)],
      ["2-char prefix", 8, pick([first, last]).slice(0, 2)],
      ["prefix", 20, pick([first, last]).slice(0, 3 + Math.floor(next() * 4))],
      ["full name", 12, `${first} ${last}`],
      ["user name", 10, `${first}.${last.slice(0, 2)}`],
      ["substring", 12, last.slice(1, 4 + Math.floor(next() * 3))],
      ["domain", 7, pick(tenantWords).toLowerCase().replace(" ", "").slice(0, 6)],
      ["employee id", 8, `e${100000 + Math.floor(next() * userCount)}`.slice(0, 6)],
    ];
    let share = next() * 100;
    let chosen = texts[0]!;
    for (const entry of texts) {
      chosen = entry;
      share -= entry[1];
      if (share < 0) break;
    }
    const [kind, , text] = chosen;
    const visibility: TenantVisibility = chance(0.35)
      ? { everyTenant: false, except: [], include: Array.from({ length: 20 }, () => pick(allTenants)) }
      : chance(0.2)
        ? { everyTenant: true, except: Array.from({ length: 5 }, () => pick(allTenants)), include: [] }
        : { everyTenant: true, except: [], include: [] };
    const filters = {
      ...(chance(0.08) ? { tenantId: pick(allTenants) } : {}),
      ...(chance(0.1) ? { enabled: chance(0.3) } : {}),
      ...(chance(0.08) ? { licensed: chance(0.6) } : {}),
      ...(chance(0.06) ? { licensedWithSku: [pick(Object.values(skus))] } : {}),
      ...(chance(0.06) ? { synced: chance(0.5) } : {}),
      ...(chance(0.06) ? { guest: chance(0.7) } : {}),
      ...(chance(0.04) ? { adminRole: chance(0.5) ? "any" : pick(adminRoles) } : {}),
      ...(chance(0.02) ? { deleted: true } : {}),
    };
    const sort: UserSearchSort = pick(["displayName", "displayName", "displayName", "userPrincipalName", "tenant"]);
    const search = { ...(text ? { text } : {}), visibleTenants: visibility, filters, sort, order: chance(0.2) ? ("desc" as const) : ("asc" as const), limit: pick([25, 50, 100, 100, 100, 200]) };
    const secondPage = chance(0.2);
    list.push({ kind: `${kind}${Object.keys(filters).length ? " + filters" : ""}`, search, secondPage });
  }
  return list;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dataDir = process.env.BENCH_DATA_DIR ?? (await mkdtemp(join(tmpdir(), "tenantry-bench-search-")));
await chmod(dataDir, 0o755);
const database = await openDatabase({ dataDir, env: {} });
try {
  const loaded = Number((await database.pool.query<{ n: string }>("SELECT count(*) AS n FROM directory_users")).rows[0]!.n);
  let loadSeconds: number | null = null;
  if (loaded === 0) {
    console.log(`Writing ${userCount.toLocaleString("en")} users over ${tenantCount} tenants into embedded PostgreSQL (${dataDir})`);
    loadSeconds = Number((await load(database.pool)).toFixed(1));
  } else {
    console.log(`Reusing ${loaded.toLocaleString("en")} cached users in ${dataDir}`);
  }
  // The machine may be shared: its load says how far the figures can be trusted.
  const loadBefore = loadavg()[0]!;

  const planned = queries(queryCount + 100);
  const timings: { kind: string; ms: number; rows: number; search: string }[] = [];
  const run = async (search: UserSearch, kind: string, measured: boolean) => {
    const t0 = performance.now();
    const page = await searchUsers(database.pool, search);
    const ms = performance.now() - t0;
    if (measured) timings.push({ kind, ms, rows: page.value.length, search: JSON.stringify({ ...search, visibleTenants: undefined, cursor: search.cursor ? "…" : undefined, visible: search.visibleTenants.everyTenant ? `all but ${search.visibleTenants.except.length}` : `${search.visibleTenants.include.length} tenants` }) });
    return page;
  };
  // A short warm-up, as a running server would have had; then the measured queries, one at a time.
  for (const query of planned.slice(queryCount)) await run(query.search, query.kind, false);
  for (const query of planned) {
    if (timings.length >= queryCount) break;
    const page = await run(query.search, query.kind, true);
    if (query.secondPage && page.nextCursor && timings.length < queryCount) await run({ ...query.search, cursor: page.nextCursor }, `${query.kind}, page 2`, true);
  }

  const byKind = new Map<string, number[]>();
  for (const t of timings) {
    const kind = t.kind.replace(" + filters", "").replace(", page 2", "");
    byKind.set(kind, [...(byKind.get(kind) ?? []), t.ms]);
  }
  console.log(`${timings.length} searches, one at a time (1-minute load average of the machine ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after):`);
  for (const [kind, list] of [...byKind].sort()) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(16)} ${String(list.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1).padStart(7)} ms`);
  }
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  console.log("slowest:");
  for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST ?? 5))) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.kind}: ${t.search}`);
  const figures = {
    users: userCount,
    tenants: tenantCount,
    queries: timings.length,
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
    maxMs: Number(sorted.at(-1)!.toFixed(1)),
    averageRows: Math.round(timings.reduce((sum, t) => sum + t.rows, 0) / timings.length),
    loadSeconds,
  };
  console.log(JSON.stringify({ bench: "search", ...figures, target: { p95Ms: targetP95Ms }, pass: figures.p95Ms <= targetP95Ms }));
} finally {
  await database.close();
  if (!process.env.BENCH_DATA_DIR) await rm(dataDir, { recursive: true, force: true });
}
