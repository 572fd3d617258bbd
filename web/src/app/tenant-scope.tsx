// The tenant the console works in: one tenant, or all the operator sees. Kept across visits.
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

export const allTenants = "all";

interface TenantScope {
  /** A tenant id, or allTenants. */
  readonly tenant: string;
  readonly setTenant: (tenant: string) => void;
}

const storageKey = "tenantry.tenant";

/** The tenant kept from the last visit. */
export function storedTenant(): string {
  return localStorage.getItem(storageKey) ?? allTenants;
}

const TenantScopeContext = createContext<TenantScope>({ tenant: allTenants, setTenant: () => undefined });

export function TenantScopeProvider({ children }: { readonly children: ReactNode }) {
  const [tenant, setStored] = useState(storedTenant);
  const setTenant = useCallback((next: string) => {
    localStorage.setItem(storageKey, next);
    setStored(next);
  }, []);
  return <TenantScopeContext value={{ tenant, setTenant }}>{children}</TenantScopeContext>;
}

export function useTenantScope(): TenantScope {
  return useContext(TenantScopeContext);
}
