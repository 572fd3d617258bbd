import type {
  DirectoryAuditRecord,
  DirectoryObjectRecord,
  RoleAssignmentRecord,
  TenantRecord,
  TenantSize,
} from "./model.ts";

/** What it takes to regenerate a tenant's directory deterministically. */
export interface TenantRecipe {
  readonly tenantId: string;
  readonly displayName: string;
  readonly domain: string;
  readonly size: TenantSize;
  readonly userCount: number;
  readonly seed: number;
  readonly syncedShare: number;
  readonly guests: number;
  /** Global Administrator accounts, admin@ included; a demo tenant shows too many of them. */
  readonly globalAdmins?: number;
}

/**
 * Every change to the cloud's state is one of these. Applying the same ops in the same order
 * rebuilds the same state, which is how the data directory survives restarts.
 */
export type ChangeOp =
  | { readonly op: "tenant.generate"; readonly recipe: TenantRecipe }
  | { readonly op: "tenant.put"; readonly tenant: TenantRecord }
  | { readonly op: "object.put"; readonly tenantId: string; readonly record: DirectoryObjectRecord }
  | { readonly op: "object.purge"; readonly tenantId: string; readonly id: string }
  | {
      readonly op: "member.add" | "member.remove" | "owner.add" | "owner.remove";
      readonly tenantId: string;
      readonly groupId: string;
      readonly memberId: string;
    }
  | { readonly op: "role.assign"; readonly tenantId: string; readonly assignment: RoleAssignmentRecord }
  | { readonly op: "role.unassign"; readonly tenantId: string; readonly id: string }
  | { readonly op: "audit.add"; readonly tenantId: string; readonly event: DirectoryAuditRecord };
