import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { meSchema } from "../../../src/api/me-routes.ts";
import { api, rememberCsrfToken } from "./api-client.ts";

export type Me = z.infer<typeof meSchema>;

/** The signed-in operator; a 401 means nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      const me = await api<Me>("GET", "/api/me");
      rememberCsrfToken(me.csrfToken);
      return me;
    },
    retry: false,
    staleTime: 60_000,
  });
}

export function isPlatformAdministrator(me: Me): boolean {
  return me.platformRoles.some((role) => role.id === "platform-administrator");
}
