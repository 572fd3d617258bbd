import { Dropdown, Field, Input, makeStyles, Option, Switch, tokens } from "@fluentui/react-components";
import { memo, useEffect, useState } from "react";
import { tenantName, useTenants } from "../../api/tenants.ts";
import { allTenants, useTenantScope } from "../../app/tenant-scope.tsx";
import { useDebounced } from "../../app/use-debounced.ts";
import { maxSkuLength, type UsersFilters } from "./users-search-params.ts";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  dropdown: { minWidth: "140px" },
  tenant: { minWidth: "180px" },
  sku: { width: "120px" },
  admins: { paddingBottom: tokens.spacingVerticalXS },
});

type YesNoFilter = "enabled" | "licensed" | "synced" | "guest";

/** Each filter either way, or one of its two values; the labels say what each value means. */
const yesNoFilters: readonly { readonly name: YesNoFilter; readonly label: string; readonly either: string; readonly yes: string; readonly no: string }[] = [
  { name: "enabled", label: "Sign-in", either: "Enabled or blocked", yes: "Enabled", no: "Blocked" },
  { name: "licensed", label: "Licence", either: "Licensed or not", yes: "Licensed", no: "Unlicensed" },
  { name: "synced", label: "Source", either: "Synced or cloud", yes: "Synced", no: "Cloud only" },
  { name: "guest", label: "Type", either: "Members or guests", yes: "Guests", no: "Members" },
];

function TenantFilter({ className }: { readonly className: string }) {
  const tenants = useTenants();
  const { tenant, setTenant } = useTenantScope();
  const options = [{ id: allTenants, label: "All tenants" }, ...(tenants.data ?? []).map((t) => ({ id: t.tenantId, label: tenantName(t) }))];
  const current = options.find((o) => o.id === tenant) ?? { id: tenant, label: tenant };
  return (
    <Field label="In tenant">
      <Dropdown className={className} value={current.label} selectedOptions={[current.id]} onOptionSelect={(_, data) => setTenant(data.optionValue ?? allTenants)}>
        {options.map((o) => (
          <Option key={o.id} value={o.id}>
            {o.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function SkuFilter({ value, error, onChange, className }: { readonly value: string | undefined; readonly error: string | undefined; readonly onChange: (sku: string | undefined) => void; readonly className: string }) {
  const [text, setText] = useState(value ?? "");
  const settled = useDebounced(text, 400);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only what was typed is passed on
  useEffect(() => {
    if ((settled.trim() || undefined) !== value) onChange(settled.trim() || undefined);
  }, [settled]);
  return (
    <Field label="SKU" validationMessage={error} validationState={error ? "error" : "none"}>
      <Input className={className} value={text} maxLength={maxSkuLength} placeholder="e.g. SPE_E3" onChange={(_, data) => setText(data.value)} />
    </Field>
  );
}

/** The filters; drawn again only when they change, not as each page of rows arrives. */
export const UsersFilterBar = memo(function UsersFilterBar({ filters, skuError, onChange }: { readonly filters: UsersFilters; readonly skuError: string | undefined; readonly onChange: (next: UsersFilters) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.filters}>
      <TenantFilter className={styles.tenant} />
      {yesNoFilters.map((filter) => {
        const value = filters[filter.name];
        const selected = value === undefined ? "either" : String(value);
        const label = value === undefined ? filter.either : value ? filter.yes : filter.no;
        return (
          <Field key={filter.name} label={filter.label}>
            <Dropdown
              className={styles.dropdown}
              value={label}
              selectedOptions={[selected]}
              onOptionSelect={(_, data) => onChange({ ...filters, [filter.name]: data.optionValue === "either" ? undefined : data.optionValue === "true" })}
            >
              <Option value="either">{filter.either}</Option>
              <Option value="true">{filter.yes}</Option>
              <Option value="false">{filter.no}</Option>
            </Dropdown>
          </Field>
        );
      })}
      <SkuFilter className={styles.sku} value={filters.sku} error={skuError} onChange={(sku) => onChange({ ...filters, sku })} />
      <Switch className={styles.admins} label="Admins only" checked={filters.adminsOnly} onChange={(_, data) => onChange({ ...filters, adminsOnly: data.checked })} />
    </div>
  );
});
