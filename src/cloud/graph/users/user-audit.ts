import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { UserRecord } from "../../directory/model.ts";
import type { GraphCall } from "../graph-call.ts";

export type ModifiedProperty = { displayName: string; oldValue: string | null; newValue: string | null };

/** The directory audit event of a change to one user, initiated by the caller of this Graph request. */
export function recordUserAudit(
  call: GraphCall,
  activity: string,
  operationType: "Add" | "Update" | "Delete",
  user: UserRecord,
  modified: readonly ModifiedProperty[] = [],
): void {
  recordDirectoryAudit(call.context, call.tenant, {
    activity,
    category: "UserManagement",
    operationType,
    initiatedBy: call.initiator,
    targets: [target(user.id, "User", user.displayName, user.userPrincipalName, modified)],
    correlationId: call.requestId,
  });
}
