// Users into the cache through Graph's users delta query: a full round the first time (and when a delta link
// has expired), then only what changed since the stored delta link.
import { pathOfGraphLink, streamPages } from "./graph-pages-stream.ts";
import { deltaRoundPages, type RoundOutcome, syncRound } from "./sync-round.ts";
import type { TenantSyncContext } from "./tenant-sync-context.ts";
import { type CachedUser, removeUsers, removeUsersNotSeenSince, upsertUsers } from "./users-cache.ts";

const userProperties = [
  "id",
  "userPrincipalName",
  "displayName",
  "mail",
  "accountEnabled",
  "userType",
  "onPremisesSyncEnabled",
  "jobTitle",
  "department",
  "usageLocation",
  "assignedLicenses",
] as const;

const usersDeltaPath = `/users/delta?$select=${userProperties.join(",")}`;
const deletedUsersPath = "/directory/deletedItems/microsoft.graph.user";
const deletedUserSelect = `$select=${[...userProperties, "deletedDateTime"].join(",")}`;
const deletedUsersListPath = `${deletedUsersPath}?$top=999&${deletedUserSelect}`;
/** Graph takes at most 15 values in an `in` list without advanced queries. */
const idsPerFilter = 15;

interface GraphUser {
  readonly id: string;
  readonly userPrincipalName?: string | null;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly userType?: string | null;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly usageLocation?: string | null;
  readonly assignedLicenses?: readonly { readonly skuId?: string | null }[] | null;
  readonly deletedDateTime?: string | null;
  readonly "@removed"?: { readonly reason?: string };
}

function cachedUser(user: GraphUser, deletedAt: string | null): CachedUser {
  return {
    id: user.id.toLowerCase(),
    userPrincipalName: user.userPrincipalName ?? user.id,
    displayName: user.displayName ?? null,
    mail: user.mail ?? null,
    accountEnabled: user.accountEnabled ?? null,
    userType: user.userType ?? null,
    synced: user.onPremisesSyncEnabled === true,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    usageLocation: user.usageLocation ?? null,
    skuIds: (user.assignedLicenses ?? []).flatMap((l) => (l.skuId ? [l.skuId.toLowerCase()] : [])),
    deletedAt,
  };
}

/** Every user as Graph has it now, deleted users included; cached users Graph no longer has are removed. */
async function fullRound(context: TenantSyncContext): Promise<RoundOutcome> {
  let changes = 0;
  const link = await deltaRoundPages<GraphUser>(context, "users", usersDeltaPath, async (value) => {
    const users = value.filter((u) => !u["@removed"]).map((u) => cachedUser(u, null));
    await context.write((tx) => upsertUsers(tx, context.tenantId, users));
    changes += users.length;
  });
  for await (const page of streamPages<GraphUser>(context.graph, context.graphUrl, deletedUsersListPath)) {
    const users = page.value.map((u) => cachedUser(u, u.deletedDateTime ?? new Date().toISOString()));
    await context.write((tx) => upsertUsers(tx, context.tenantId, users));
    changes += users.length;
  }
  const removed = await context.write(async (tx) => {
    const count = await removeUsersNotSeenSince(tx, context.tenantId, context.lease.startedAt);
    await context.states.saveDeltaLink(tx, context.lease, "users", link);
    return count;
  });
  return { kind: "full", changes: changes + removed };
}

/** Users Entra deleted since the last round, as its deleted items show them (renamed, with the deletion time). */
async function readDeletedUsers(context: TenantSyncContext, ids: readonly string[]): Promise<GraphUser[]> {
  const found: GraphUser[] = [];
  for (let i = 0; i < ids.length; i += idsPerFilter) {
    const filter = `id in (${ids.slice(i, i + idsPerFilter).map((id) => `'${id}'`).join(",")})`;
    const path = `${deletedUsersPath}?$filter=${encodeURIComponent(filter)}&${deletedUserSelect}`;
    for await (const page of streamPages<GraphUser>(context.graph, context.graphUrl, path)) found.push(...page.value);
  }
  return found;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What changed since the delta link: changed users written, deleted ones marked, purged ones removed. */
async function deltaRound(context: TenantSyncContext, link: string): Promise<RoundOutcome> {
  let changes = 0;
  const next = await deltaRoundPages<GraphUser>(context, "users", pathOfGraphLink(link, context.graphUrl), async (value) => {
    const present = value.filter((u) => !u["@removed"]).map((u) => cachedUser(u, null));
    // "changed": deleted, and restorable from deleted items; "deleted": gone for good.
    const softDeleted = value.filter((u) => u["@removed"]?.reason === "changed" && guid.test(u.id)).map((u) => u.id.toLowerCase());
    const deleted = (await readDeletedUsers(context, softDeleted)).map((u) => cachedUser(u, u.deletedDateTime ?? new Date().toISOString()));
    const stillDeleted = new Set(deleted.map((u) => u.id));
    const gone = [
      ...value.filter((u) => u["@removed"] && u["@removed"].reason !== "changed").map((u) => u.id.toLowerCase()),
      ...softDeleted.filter((id) => !stillDeleted.has(id)),
    ].filter((id) => guid.test(id));
    await context.write(async (tx) => {
      await upsertUsers(tx, context.tenantId, [...present, ...deleted]);
      await removeUsers(tx, context.tenantId, gone);
    });
    changes += present.length + deleted.length + gone.length;
  });
  await context.write((tx) => context.states.saveDeltaLink(tx, context.lease, "users", next));
  return { kind: "delta", changes };
}

/** From the stored delta link when there is one; in full when there is none, or Graph no longer holds its state. */
export function syncUsers(context: TenantSyncContext, link: string | null): Promise<RoundOutcome> {
  return syncRound(context, link, { full: fullRound, delta: deltaRound });
}
