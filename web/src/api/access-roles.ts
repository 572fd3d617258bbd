// The roles an assignment may name: Entra's built-in roles, custom roles and Tenantry's platform roles.
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { roleSummarySchema } from "../../../src/api/access-schemas.ts";
import { api } from "./api-client.ts";

export type RoleSummary = z.infer<typeof roleSummarySchema>;

export const rolesQuery = queryOptions({ queryKey: ["roles"], queryFn: async () => (await api<{ value: RoleSummary[] }>("GET", "/api/roles")).value, staleTime: 5 * 60_000 });

export function useRoles() {
  return useQuery(rolesQuery);
}
