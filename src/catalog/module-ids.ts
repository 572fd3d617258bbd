// The permission modules a customer consents to, as typed constants.

export const moduleIds = {
  reporting: "reporting",
  management: "management",
} as const;

export type ModuleId = (typeof moduleIds)[keyof typeof moduleIds];
