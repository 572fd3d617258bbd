// One user of one tenant: who it is, what the operator may do to it (and why not), its properties in forms
// generated from the catalog, its manager, licences and groups. Every change is a catalog action.
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { ApiError } from "../../api/api-client.ts";
import { tenantName, useTenants } from "../../api/tenants.ts";
import { allowedActionsKey, useAllowedActions } from "../../api/user-allowed-actions.ts";
import { type CatalogAction, useCatalog } from "../../api/catalog.ts";
import { type UserDetails, userDetailsKey, useUserDetails } from "../../api/user-details.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { ChangesForm } from "./changes-form.tsx";
import { GroupsPanel } from "./groups-panel.tsx";
import { LicensesPanel } from "./licenses-panel.tsx";
import { ManagerPicker } from "./manager-picker.tsx";
import { UserAccountActions } from "./user-account-actions.tsx";
import { type UserBadge, UserHeader } from "./user-header.tsx";
import { UserFacts } from "./user-facts.tsx";
import { checking, type Refusals, refusalsFrom } from "./user-refusals.ts";
import { UserSection } from "./user-section.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "1400px" },
  note: { color: tokens.colorNeutralForeground3 },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: tokens.spacingHorizontalL, alignItems: "start" },
  panels: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(480px, 1fr))", gap: tokens.spacingHorizontalL, alignItems: "start" },
});

const syncedReason = "Mastered in on-premises Active Directory";

function badgesOf(user: UserDetails): UserBadge[] {
  const badges: UserBadge[] = [user.accountEnabled === false ? { label: "Sign-in disabled", color: "danger" } : { label: "Enabled", color: "success" }];
  if (user.sync.synced) badges.push({ label: "Synced from on-premises", color: "informative" });
  if (user.userType === "Guest") badges.push({ label: "Guest", color: "warning" });
  for (const role of new Set(user.adminRoles.map((r) => r.roleName))) badges.push({ label: role, color: "important" });
  return badges;
}

interface FormsProps {
  readonly tenant: string;
  readonly user: UserDetails;
  readonly refusals: Refusals;
  readonly actionOf: (id: string) => CatalogAction | undefined;
  readonly onChanged: () => void;
}

/** The property forms, each generated from its catalog action's input schema, and the manager picker. */
function UserForms({ tenant, user, refusals, actionOf, onChanged }: FormsProps) {
  const styles = useStyles();
  const properties = actionOf(actionIds.usersUpdateProperties);
  const phones = actionOf(actionIds.usersUpdatePhones);
  const otherMails = actionOf(actionIds.usersUpdateOtherMails);
  if (!properties || !phones || !otherMails) return <Spinner size="small" label="Reading the catalog" />;
  const formRefusal = (action: CatalogAction) => {
    if (refusals.pending) return checking;
    const reason = refusals.of(action.id);
    return reason ? `You may not change these: ${reason}` : undefined;
  };
  const readOnlyReason = (action: CatalogAction) => (property: string) =>
    user.sync.synced && action.onPremisesMastered.includes(property) ? syncedReason : refusals.ofProperty(action.id, property);
  const form = (action: CatalogAction, name: string, leaveOut: readonly string[] = []) => (
    <ChangesForm tenant={tenant} user={user} action={action} name={name} leaveOut={leaveOut} refusal={formRefusal(action)} readOnlyReason={readOnlyReason(action)} onChanged={onChanged} />
  );
  return (
    <>
      <UserSection title="Properties">
        {user.sync.synced ? (
          <Text className={styles.note}>
            {user.userPrincipalName} is synced from on-premises Active Directory: change the properties it masters there, and they reach Entra at the next sync. The others can be changed here.
          </Text>
        ) : null}
        {form(properties, "Properties", ["manager"])}
      </UserSection>
      <div className={styles.grid}>
        <UserSection title="Manager">
          <ManagerPicker tenant={tenant} user={user} action={properties} readOnlyReason={refusals.pending ? checking : readOnlyReason(properties)("manager")} onChanged={onChanged} />
        </UserSection>
        <UserSection title="Phone numbers">{form(phones, "Phone numbers")}</UserSection>
        <UserSection title="Other email addresses">{form(otherMails, "Other email addresses")}</UserSection>
        <UserSection title="Sign-in and sync">
          <UserFacts user={user} />
        </UserSection>
      </div>
    </>
  );
}

export default function UserPage({ tenant, user: userId }: { readonly tenant: string; readonly user: string }) {
  const styles = useStyles();
  const client = useQueryClient();
  const details = useUserDetails(tenant, userId);
  const allowed = useAllowedActions(tenant, userId);
  const catalog = useCatalog();
  const tenants = useTenants();
  const refusals = refusalsFrom(allowed);
  const onChanged = useCallback(() => {
    void client.invalidateQueries({ queryKey: userDetailsKey(tenant, userId) });
    void client.invalidateQueries({ queryKey: allowedActionsKey(tenant, userId) });
  }, [client, tenant, userId]);
  const actionOf = (id: string) => catalog.data?.value.find((a) => a.id === id);
  const titled = (id: string) => ({ id, title: actionOf(id)?.title ?? id });
  const tenantLabel = tenants.data?.find((t) => t.tenantId === tenant || t.defaultDomain === tenant);
  const where = tenantLabel ? tenantName(tenantLabel) : tenant;

  const deleted = allowed.data?.user.deleted === true;
  const notFound = details.error instanceof ApiError && details.error.status === 404;
  if (deleted && allowed.data) {
    const { user } = allowed.data;
    const since = user.deletedDateTime ? `Deleted ${new Date(user.deletedDateTime).toLocaleString()}` : "Deleted";
    return (
      <div className={styles.page}>
        <UserHeader name={user.displayName ?? user.userPrincipalName} userPrincipalName={user.userPrincipalName} tenantName={where} badges={[{ label: since, color: "danger" }]} />
        <UserAccountActions tenant={tenant} userId={user.id} userPrincipalName={user.userPrincipalName} accountEnabled={null} deleted refusals={refusals} actionOf={titled} onChanged={onChanged} />
      </div>
    );
  }
  if (details.error && (!notFound || allowed.isError)) return <ErrorBar error={details.error} title="Tenantry could not read this user" />;
  if (!details.data || details.error) return <Spinner label="Reading the user" />;

  const user = details.data;
  return (
    <div className={styles.page}>
      <UserHeader name={user.displayName ?? user.userPrincipalName} userPrincipalName={user.userPrincipalName} tenantName={where} badges={badgesOf(user)} />
      <UserAccountActions tenant={tenant} userId={user.id} userPrincipalName={user.userPrincipalName} accountEnabled={user.accountEnabled} deleted={false} refusals={refusals} actionOf={titled} onChanged={onChanged} />
      {allowed.error ? <ErrorBar error={allowed.error} title="Tenantry could not say which actions you may run on this user; each one is checked when you run it" /> : null}
      {catalog.error ? <ErrorBar error={catalog.error} title="Tenantry could not read its catalog of actions" /> : <UserForms tenant={tenant} user={user} refusals={refusals} actionOf={actionOf} onChanged={onChanged} />}
      <div className={styles.panels}>
        <LicensesPanel tenant={tenant} userId={userId} refusalOf={refusals.of} onChanged={onChanged} />
        <GroupsPanel tenant={tenant} userId={userId} refusalOf={refusals.of} onChanged={onChanged} />
      </div>
    </div>
  );
}
