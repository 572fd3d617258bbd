import { randomUUID } from "node:crypto";
import type { CloudContext } from "../cloud-context.ts";
import type { DirectoryAuditRecord } from "./model.ts";
import type { TenantDirectory } from "./tenant-directory.ts";

export type AuditInitiator = DirectoryAuditRecord["initiatedBy"];
export type AuditTarget = DirectoryAuditRecord["targetResources"][number];

export const systemInitiator: AuditInitiator = { app: null, user: null };

/** Entra records a directory audit event for every change; so does the local cloud. */
export function recordDirectoryAudit(
  context: CloudContext,
  tenant: TenantDirectory,
  event: {
    readonly activity: string;
    readonly category: string;
    readonly operationType: "Add" | "Update" | "Delete" | "Assign" | "Unassign";
    readonly initiatedBy: AuditInitiator;
    readonly targets: readonly AuditTarget[];
    readonly correlationId?: string;
    readonly details?: readonly { key: string; value: string }[];
  },
): void {
  context.state.apply({
    op: "audit.add",
    tenantId: tenant.id,
    event: {
      id: `Directory_${randomUUID()}`,
      category: event.category,
      correlationId: event.correlationId ?? randomUUID(),
      result: "success",
      resultReason: "",
      activityDisplayName: event.activity,
      activityDateTime: context.now().toISOString(),
      loggedByService: "Core Directory",
      operationType: event.operationType,
      initiatedBy: event.initiatedBy,
      targetResources: event.targets,
      additionalDetails: event.details ?? [],
    },
  });
}

export function target(
  id: string,
  type: string,
  displayName: string | null,
  userPrincipalName: string | null = null,
  modifiedProperties: AuditTarget["modifiedProperties"] = [],
): AuditTarget {
  return { id, type, displayName, userPrincipalName, modifiedProperties };
}
