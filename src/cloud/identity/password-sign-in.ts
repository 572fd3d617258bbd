import type { CloudContext } from "../cloud-context.ts";
import { passwordMatches } from "../directory/passwords.ts";
import type { UserRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { tenantForSignIn } from "./resolve-tenant.ts";

export type SignInResult =
  | { readonly ok: true; readonly tenant: TenantDirectory; readonly user: UserRecord }
  | { readonly ok: false; readonly message: string };

/** Username and password against the directory, with the identity platform's messages. */
export function signInWithPassword(context: CloudContext, pathTenant: string, username: string, password: string): SignInResult {
  let tenant: TenantDirectory;
  try {
    tenant = tenantForSignIn(context, pathTenant, username);
  } catch {
    return { ok: false, message: "AADSTS50034: The user account does not exist in this directory." };
  }
  const user = tenant.user(username);
  if (!user || user.deletedDateTime) {
    return { ok: false, message: `AADSTS50034: The user account ${username} does not exist in the ${tenant.tenant.displayName} directory.` };
  }
  if (!passwordMatches(password, user.password.passwordHash)) {
    return { ok: false, message: "AADSTS50126: Error validating credentials due to invalid username or password." };
  }
  if (!user.accountEnabled) return { ok: false, message: "AADSTS50057: The user account is disabled." };
  return { ok: true, tenant, user };
}
