// Operators for the Platform Administrators' page: the list, adding one, and when each last signed in.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { operatorBody, operatorSchema } from "../../../src/api/access-schemas.ts";
import { api, withQuery } from "./api-client.ts";

export type Operator = z.infer<typeof operatorSchema>;
export type NewOperator = z.input<typeof operatorBody>;

const operatorsKey = ["access", "operators"] as const;

export function useOperators() {
  return useQuery({ queryKey: operatorsKey, queryFn: async () => (await api<{ value: Operator[] }>("GET", "/api/operators")).value, staleTime: 30_000 });
}

export function useAddOperator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (operator: NewOperator) => api<Operator>("POST", "/api/operators", { body: operator }),
    onSuccess: () => client.invalidateQueries({ queryKey: operatorsKey }),
  });
}

interface SignInEntry {
  readonly occurredAt: string;
  readonly actor: { readonly operatorId?: string };
}

/** The audit log's latest successful sign-ins (one page, newest first): operator id -> when it last signed in. */
export function useLastSignIns() {
  return useQuery({
    queryKey: ["access", "last-sign-ins"],
    queryFn: async () => {
      const page = await api<{ value: SignInEntry[] }>("GET", withQuery("/api/audit", { action: "operators.sign-in", outcome: "succeeded", limit: 500 }));
      const last = new Map<string, string>();
      for (const entry of page.value) if (entry.actor.operatorId && !last.has(entry.actor.operatorId)) last.set(entry.actor.operatorId, entry.occurredAt);
      return last;
    },
    staleTime: 60_000,
  });
}
