// Entra built-in roles the generator assigns, with template ids copied from data/entra-roles.json
// (Microsoft's built-in roles reference); a test keeps the copy true.

export interface DemoRole {
  readonly displayName: string;
  readonly templateId: string;
}

export const DEMO_ROLES = {
  globalAdministrator: { displayName: "Global Administrator", templateId: "62e90394-69f5-4237-9190-012177145e10" },
  privilegedRoleAdministrator: { displayName: "Privileged Role Administrator", templateId: "e8611ab8-c189-46e8-94e1-60213ab1f814" },
  userAdministrator: { displayName: "User Administrator", templateId: "fe930be7-5e62-47db-91af-98c3a49a38b1" },
  helpdeskAdministrator: { displayName: "Helpdesk Administrator", templateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8" },
  passwordAdministrator: { displayName: "Password Administrator", templateId: "966707d0-3269-4727-9be2-8c3a10f19b9d" },
  authenticationAdministrator: { displayName: "Authentication Administrator", templateId: "c4e39bd9-1100-46d3-8c65-fb160da0071f" },
  privilegedAuthenticationAdministrator: { displayName: "Privileged Authentication Administrator", templateId: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13" },
  groupsAdministrator: { displayName: "Groups Administrator", templateId: "fdd7a751-b60b-444a-984c-02652fe8fa1c" },
  licenseAdministrator: { displayName: "License Administrator", templateId: "4d6ac14f-3453-41d0-bef9-a3e0c569773a" },
  exchangeAdministrator: { displayName: "Exchange Administrator", templateId: "29232cdf-9323-42fd-ade2-1d097af3e4de" },
  sharePointAdministrator: { displayName: "SharePoint Administrator", templateId: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c" },
  teamsAdministrator: { displayName: "Teams Administrator", templateId: "69091246-20e8-4a56-aa4d-066075b2a7a8" },
  securityAdministrator: { displayName: "Security Administrator", templateId: "194ae4cb-b126-40b2-bd5b-6091b380977d" },
  securityReader: { displayName: "Security Reader", templateId: "5d6b6bb7-de71-4623-b4af-96380a352509" },
  globalReader: { displayName: "Global Reader", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451" },
  reportsReader: { displayName: "Reports Reader", templateId: "4a5d8f65-41da-4de4-8968-e035b65339cf" },
  billingAdministrator: { displayName: "Billing Administrator", templateId: "b0f54661-2d74-4c50-afa3-1ec803f12efe" },
} as const satisfies Record<string, DemoRole>;

export type DemoRoleKey = keyof typeof DEMO_ROLES;
