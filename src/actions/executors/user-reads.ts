import type { AuditTarget, JsonObject, JsonValue } from "../../audit/audit-entry.ts";
import type { ActionContext } from "../action-executor.ts";

/** A user as Graph returns it with $select: the requested properties only. */
export type GraphUser = { readonly id: string; readonly userPrincipalName: string; readonly displayName?: string | null; readonly onPremisesSyncEnabled?: boolean | null } & Readonly<Record<string, JsonValue | undefined>>;

const always = ["id", "userPrincipalName", "displayName", "onPremisesSyncEnabled"];

/** A user by id or user principal name, with the properties given and those every guard needs. */
export async function readUser(context: ActionContext, userRef: string, properties: readonly string[] = []): Promise<GraphUser> {
  const select = [...new Set([...always, ...properties])].join(",");
  return (await context.graph.get<GraphUser>(`/users/${encodeURIComponent(userRef)}?$select=${select}`)).body;
}

export function userTarget(user: GraphUser): AuditTarget {
  return { id: user.id, kind: "user", display: user.userPrincipalName };
}

/** The named properties of a user as a JSON object (absent ones as null). */
export function pick(user: GraphUser, properties: readonly string[]): JsonObject {
  return Object.fromEntries(properties.map((p) => [p, user[p] ?? null]));
}
