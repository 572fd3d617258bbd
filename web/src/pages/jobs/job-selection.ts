// The selection a bulk job starts from when another page sends one: `?users=tenantId:userId,...` (rows picked
// in the users table) or `?search=<JSON>` (a whole search), read into what POST /api/jobs takes.
import type { JobSearch } from "../../api/jobs.ts";

export type UserTargets = readonly { readonly tenant: string; readonly ids: readonly string[] }[];

/** Tenantry's bound on the users one link may carry; the users page sends a search for more. */
const maxLinkedUsers = 5000;

/** `tenantId:userId` pairs grouped by tenant, in the order given; malformed pairs are counted, not guessed at. */
export function usersFromParam(param: string | null): { targets: UserTargets; count: number; malformed: number } {
  const byTenant = new Map<string, string[]>();
  let count = 0;
  let malformed = 0;
  for (const pair of (param ?? "").split(",").slice(0, maxLinkedUsers)) {
    if (pair.trim() === "") continue;
    const [tenant, user, extra] = pair.trim().split(":");
    if (!tenant || !user || extra !== undefined || tenant.length > 256 || user.length > 256) {
      malformed++;
      continue;
    }
    const ids = byTenant.get(tenant) ?? [];
    if (!ids.includes(user)) {
      ids.push(user);
      count++;
    }
    byTenant.set(tenant, ids);
  }
  return { targets: [...byTenant].map(([tenant, ids]) => ({ tenant, ids })), count, malformed };
}

const yesNoFilters = ["enabled", "licensed", "synced", "guest"] as const;

function yesNo(value: unknown): boolean | undefined {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return undefined;
}

/**
 * A search as the users page or the bulk API spells it (q or text, tenant or tenantId, booleans or
 * "true"/"false"); sorting and paging do not matter to a job. A filter a job cannot apply (a SKU, deleted users)
 * is refused rather than dropped, which would select more users than were shown.
 */
export function searchFromParam(param: string | null): { search: JobSearch } | { problem: string } | undefined {
  if (!param) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(param);
  } catch {
    return { problem: "The search in the link is not JSON." };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { problem: "The search in the link is not a JSON object." };
  const given = parsed as Record<string, unknown>;
  const unsupported = Object.keys(given).filter((key) => ["sku", "deleted"].includes(key) && given[key] !== undefined && given[key] !== "");
  if (unsupported.length > 0) {
    return { problem: `A bulk job's search cannot filter by ${unsupported.join(" or ")}: select the users in the users table instead, or remove that filter.` };
  }
  const text = given.text ?? given.q;
  const tenantId = given.tenantId ?? given.tenant;
  const search: Record<string, unknown> = {};
  if (typeof text === "string" && text.trim() !== "") search.text = text.trim().slice(0, 256);
  if (typeof tenantId === "string" && tenantId !== "" && tenantId !== "all") search.tenantId = tenantId;
  for (const name of yesNoFilters) {
    const value = yesNo(given[name]);
    if (value !== undefined) search[name] = value;
  }
  if (typeof given.adminRole === "string" && given.adminRole !== "") search.adminRole = given.adminRole.slice(0, 64);
  return { search: search as JobSearch };
}
