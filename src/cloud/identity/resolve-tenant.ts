import type { CloudContext } from "../cloud-context.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { AadError } from "./aad-error.ts";

export const multiTenantAliases: ReadonlySet<string> = new Set(["common", "organizations", "consumers"]);

export function requireTenant(context: CloudContext, idOrDomain: string): TenantDirectory {
  const tenant = context.state.tenant(idOrDomain);
  if (tenant) return tenant;
  throw new AadError(
    "invalid_request",
    90002,
    `Tenant '${idOrDomain}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

/** For sign-in through `organizations` or `common`, the tenant is the one that owns the user's domain. */
export function tenantForSignIn(context: CloudContext, pathTenant: string, userPrincipalName: string): TenantDirectory {
  if (!multiTenantAliases.has(pathTenant.toLowerCase())) return requireTenant(context, pathTenant);
  const domain = userPrincipalName.split("@").pop() ?? "";
  return requireTenant(context, domain);
}
