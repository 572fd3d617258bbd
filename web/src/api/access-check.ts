// "What may this operator do?": the policy's answer for an operator, a tenant, an action and maybe a target.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { checkAnswerSchema, checkBody } from "../../../src/api/access-schemas.ts";
import type { CatalogAnswer } from "../../../src/api/catalog-routes.ts";
import { api } from "./api-client.ts";

export type AccessCheckRequest = z.input<typeof checkBody>;
export type AccessCheckAnswer = z.infer<typeof checkAnswerSchema>;

export function useAccessCheck() {
  return useMutation({ mutationFn: (request: AccessCheckRequest) => api<AccessCheckAnswer>("POST", "/api/access/check", { body: request }) });
}

/** The catalog's actions, with their titles: the actions an access check may ask about. */
export function useCatalogActions() {
  return useQuery({
    queryKey: ["access", "catalog-actions"],
    queryFn: async () => (await api<CatalogAnswer>("GET", "/api/actions")).value.map(({ id, title }) => ({ id, title })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
