// The console's pages: each loads with its own code when first opened, so the first page stays small.
import { lazy } from "react";
import { Redirect, Route, Switch } from "wouter";

const OverviewPage = lazy(() => import("../pages/overview/overview-page.tsx"));
const UsersPage = lazy(() => import("../pages/users/users-page.tsx"));
const UserPage = lazy(() => import("../pages/user/user-page.tsx"));
const JobsPage = lazy(() => import("../pages/jobs/jobs-page.tsx"));
const AuditPage = lazy(() => import("../pages/audit/audit-page.tsx"));
const AccessPage = lazy(() => import("../pages/access/access-page.tsx"));

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
