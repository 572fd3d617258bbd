import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { catalogAnswerSchema } from "../../../src/api/catalog-routes.ts";
import { api } from "./api-client.ts";

export type CatalogAnswer = z.infer<typeof catalogAnswerSchema>;
export type CatalogAction = CatalogAnswer["value"][number];

/** The catalog's actions with their inputs as JSON Schema; it does not change while Tenantry runs. */
export function useCatalog() {
  return useQuery({ queryKey: ["catalog"], queryFn: () => api<CatalogAnswer>("GET", "/api/actions"), staleTime: Number.POSITIVE_INFINITY });
}
