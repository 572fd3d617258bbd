import { Field, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useTenantGroups } from "../../api/access-tenant-groups.ts";
import { tenantName, useTenants } from "../../api/tenants.ts";
import type { AssignmentDraft, ScopeKind } from "./assignment-draft.ts";
import { ChoiceField } from "./choice-field.tsx";
import { TenantMultiselect } from "./tenant-multiselect.tsx";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface ScopePickerProps {
  readonly draft: AssignmentDraft;
  readonly change: (patch: Partial<AssignmentDraft>) => void;
  readonly error: string | undefined;
  /** Platform roles hold for all tenants only. */
  readonly allTenantsOnly: boolean;
}

function ScopeTarget({ draft, change, error }: Omit<ScopePickerProps, "allTenantsOnly">) {
  const tenants = useTenants();
  const groups = useTenantGroups();
  if (draft.scopeKind === "tenant") {
    const choices = (tenants.data ?? []).map((t) => ({ value: t.tenantId, text: tenantName(t) }));
    return <ChoiceField label="Tenant" placeholder="Choose a tenant" choices={choices} selected={draft.tenant} choose={(tenant) => change({ tenant })} error={error} />;
  }
  if (draft.scopeKind === "tenant-group") {
    const choices = (groups.data ?? []).map((g) => ({ value: g.name, text: g.name, label: `${g.name} (${g.tenants.length} ${g.tenants.length === 1 ? "tenant" : "tenants"})` }));
    const none = groups.data?.length === 0 ? "There is no tenant group yet: make one in the Tenant groups tab." : undefined;
    return <ChoiceField label="Tenant group" placeholder="Choose a tenant group" choices={choices} selected={draft.tenantGroup} choose={(tenantGroup) => change({ tenantGroup })} error={error ?? none} />;
  }
  if (draft.scopeKind === "all-except") {
    return (
      <Field label="Except the tenants" required validationMessage={error} validationState={error ? "error" : "none"} hint="Tenants connected later are included.">
        <TenantMultiselect selected={draft.exceptTenants} change={(exceptTenants) => change({ exceptTenants })} placeholder="Choose the tenants left out" />
      </Field>
    );
  }
  return null;
}

/** Where the role holds: a tenant, a tenant group, all tenants, or all but some. */
export function ScopePicker({ draft, change, error, allTenantsOnly }: ScopePickerProps) {
  const styles = useStyles();
  // With nothing more to choose, the scope's error shows under the choice itself.
  const ownError = allTenantsOnly || draft.scopeKind === "all" ? error : undefined;
  return (
    <div className={styles.picker}>
      <Field label="Scope" hint={allTenantsOnly ? "Tenantry's platform roles hold for all tenants." : undefined} validationMessage={ownError} validationState={ownError ? "error" : "none"}>
        <RadioGroup value={allTenantsOnly ? "all" : draft.scopeKind} onChange={(_, data) => change({ scopeKind: data.value as ScopeKind })}>
          <Radio value="tenant" label="A tenant" disabled={allTenantsOnly} />
          <Radio value="tenant-group" label="A tenant group" disabled={allTenantsOnly} />
          <Radio value="all" label="All tenants, including those connected later" />
          <Radio value="all-except" label="All tenants except some" disabled={allTenantsOnly} />
        </RadioGroup>
      </Field>
      {allTenantsOnly ? null : <ScopeTarget draft={draft} change={change} error={error} />}
    </div>
  );
}
