// Role assignments (principal x role x scope): the list, adding and removing one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { assignmentBody, assignmentSchema } from "../../../src/api/access-schemas.ts";
import { api } from "./api-client.ts";

export type Assignment = z.infer<typeof assignmentSchema>;
export type NewAssignment = z.input<typeof assignmentBody>;

const assignmentsKey = ["access", "role-assignments"] as const;

export function useRoleAssignments() {
  return useQuery({ queryKey: assignmentsKey, queryFn: async () => (await api<{ value: Assignment[] }>("GET", "/api/role-assignments")).value, staleTime: 30_000 });
}

export function useAddAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignment: NewAssignment) => api<Assignment>("POST", "/api/role-assignments", { body: assignment }),
    onSuccess: () => client.invalidateQueries({ queryKey: assignmentsKey }),
  });
}

export function useRemoveAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>("DELETE", `/api/role-assignments/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: assignmentsKey }),
  });
}
