// The console's pages: each loads with its own code when first opened, so the first page stays small. The
// page a visit starts on is loaded at once, beside the sign-in check, rather than after it.
import type { QueryClient } from "@tanstack/react-query";
import { Redirect, Route, Switch } from "wouter";
import { lazyPage } from "./lazy-page.tsx";

const OverviewPage = lazyPage(() => import("../pages/overview/overview-page.tsx"));
const UsersPage = lazyPage(() => import("../pages/users/users-page.tsx"));
const UserPage = lazyPage(() => import("../pages/user/user-page.tsx"));
const JobsPage = lazyPage(() => import("../pages/jobs/jobs-page.tsx"));
const AuditPage = lazyPage(() => import("../pages/audit/audit-page.tsx"));
const AccessPage = lazyPage(() => import("../pages/access/access-page.tsx"));

const pagesBySection = new Map<string, { preload: () => Promise<{ prefetch?: (client: QueryClient) => void }> }>([
  ["users", UsersPage],
  ["jobs", JobsPage],
  ["audit", AuditPage],
  ["access", AccessPage],
]);

/** A user's page (/tenants/{t}/users/{id}): under Users, although its path starts with /tenants. */
export function isUserPage(path: string): boolean {
  return /^\/tenants\/[^/]+\/users\//.test(path);
}

/** Starts loading the code of the page at `path`, then what the page asks the API for first. */
export function preloadPage(path: string, client: QueryClient): void {
  const page = isUserPage(path) ? UserPage : (pagesBySection.get(path.split("/")[1] ?? "") ?? OverviewPage);
  void page
    .preload()
    .then((module) => module.prefetch?.(client))
    .catch(() => undefined);
}

export interface NavigationEntry {
  readonly path: string;
  readonly label: string;
  readonly platformAdministrators?: boolean;
}

export const navigation: readonly NavigationEntry[] = [
  { path: "/tenants", label: "Tenants" },
  { path: "/users", label: "Users" },
  { path: "/jobs", label: "Bulk jobs" },
  { path: "/audit", label: "Audit log" },
  { path: "/access", label: "Operators and roles", platformAdministrators: true },
];

export function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/tenants" replace />
      </Route>
      <Route path="/tenants">{() => <OverviewPage />}</Route>
      <Route path="/users">{() => <UsersPage />}</Route>
      <Route path="/tenants/:tenant/users/:user">{(params) => <UserPage tenant={params.tenant} user={params.user} />}</Route>
      <Route path="/jobs">{() => <JobsPage />}</Route>
      <Route path="/jobs/:id">{(params) => <JobsPage jobId={params.id} />}</Route>
      <Route path="/audit">{() => <AuditPage />}</Route>
      <Route path="/access">{() => <AccessPage />}</Route>
      <Route>
        <p role="alert">This page does not exist.</p>
      </Route>
    </Switch>
  );
}
