// Tenantry's own roles, beside Microsoft's Entra roles: they act on Tenantry itself, not in customer tenants.

export const platformRoleIds = { platformAdministrator: "platform-administrator", auditor: "auditor" } as const;
export type PlatformRoleId = (typeof platformRoleIds)[keyof typeof platformRoleIds];

export const platformRoles: readonly { id: PlatformRoleId; displayName: string; description: string }[] = [
  { id: platformRoleIds.platformAdministrator, displayName: "Platform Administrator", description: "Manages operators and their role assignments, tenant connections, Tenantry's application and settings." },
  { id: platformRoleIds.auditor, displayName: "Auditor", description: "Reads, verifies and exports the whole audit log." },
];

/** Microsoft's Directory Readers: as every member of a tenant may read its directory, so may an operator with any role in it. */
export const directoryReadersTemplateId = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
