import type { UserRecord } from "./model.ts";

function objectIdPrefix(user: Pick<UserRecord, "id">): string {
  return user.id.replaceAll("-", "").toLowerCase();
}

/**
 * The name Entra gives a user in deleted items: its object id without dashes, then the name it had
 * (`2f0e…c1adele@contoso.com`), which frees the name for a new user.
 */
export function deletedUserPrincipalName(user: Pick<UserRecord, "id" | "userPrincipalName">): string {
  return `${objectIdPrefix(user)}${user.userPrincipalName}`;
}

/** The name a deleted user had before Entra renamed it; a user deleted before renaming existed keeps its name. */
export function originalUserPrincipalName(user: Pick<UserRecord, "id" | "userPrincipalName">): string {
  const prefix = objectIdPrefix(user);
  return user.userPrincipalName.toLowerCase().startsWith(prefix) ? user.userPrincipalName.slice(prefix.length) : user.userPrincipalName;
}
