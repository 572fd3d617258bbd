import type { AuditTarget, JsonObject, JsonValue } from "../../audit/audit-entry.ts";
import type { ActionContext } from "../action-executor.ts";
import { odataString } from "../reads/odata-text.ts";

/** A group as Graph returns it with $select: the requested properties and those every guard needs. */
export type GraphGroup = {
  readonly id: string;
  readonly displayName: string;
  readonly groupTypes?: readonly string[];
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly isAssignableToRole?: boolean | null;
  readonly mailEnabled?: boolean;
  readonly securityEnabled?: boolean;
} & Readonly<Record<string, JsonValue | undefined>>;

const always = ["id", "displayName", "groupTypes", "onPremisesSyncEnabled", "isAssignableToRole", "mailEnabled", "securityEnabled"];

export async function readGroup(context: ActionContext, groupId: string, properties: readonly string[] = []): Promise<GraphGroup> {
  const select = [...new Set([...always, ...properties])].join(",");
  return (await context.graph.get<GraphGroup>(`/groups/${encodeURIComponent(groupId)}?$select=${select}`)).body;
}

export function groupTarget(group: GraphGroup): AuditTarget {
  return { id: group.id, kind: "group", display: group.displayName };
}

/** The named properties of a group as a JSON object (absent ones as null). */
export function pickGroup(group: GraphGroup, properties: readonly string[]): JsonObject {
  return Object.fromEntries(properties.map((p) => [p, group[p] ?? null]));
}

/** Whether the object is a direct member; an advanced query finds it without reading every member. */
export async function isDirectMember(context: ActionContext, groupId: string, memberId: string): Promise<boolean> {
  const filter = encodeURIComponent(`id eq ${odataString(memberId)}`);
  const answer = await context.graph.get<{ value: { id: string }[] }>(`/groups/${encodeURIComponent(groupId)}/members?$filter=${filter}&$count=true&$select=id`, {
    ConsistencyLevel: "eventual",
  });
  return answer.body.value.some((m) => m.id.toLowerCase() === memberId.toLowerCase());
}
