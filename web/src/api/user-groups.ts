// Groups to add a user to: the tenant's groups found by name through the catalog's groups.list.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { GroupRow } from "../../../src/actions/reads/groups-read.ts";
import { actionIds } from "../../../src/catalog/action-ids.ts";
import { readAction } from "./user-action-run.ts";

export type { GroupRow };

const pageSize = 25;

/** The first groups whose name, mail or alias starts with `search`; the first groups of all with no search. */
export function useGroupSearch(tenant: string, search: string) {
  const text = search.trim();
  return useQuery({
    queryKey: ["groups-search", tenant, text],
    queryFn: async ({ signal }) => (await readAction<{ value: GroupRow[] }>(tenant, actionIds.groupsList, { top: pageSize, ...(text ? { search: text } : {}) }, signal)).value,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
