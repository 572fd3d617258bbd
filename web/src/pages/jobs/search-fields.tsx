import { Checkbox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { JobSearch } from "../../api/jobs.ts";
import { useTenantOptions } from "../../app/tenant-options.ts";
import { allTenants } from "../../app/tenant-scope.tsx";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: "end" },
  text: { gridColumn: "span 2" },
  dropdown: { minWidth: "unset" },
});

type YesNoFilter = "enabled" | "licensed" | "synced" | "guest";
const yesNoFilters: readonly { name: YesNoFilter; label: string; yes: string; no: string }[] = [
  { name: "enabled", label: "Sign-in", yes: "Enabled", no: "Blocked" },
  { name: "licensed", label: "Licences", yes: "Licensed", no: "Unlicensed" },
  { name: "synced", label: "Source", yes: "Synced from on-premises", no: "Cloud only" },
  { name: "guest", label: "Type", yes: "Guests", no: "Members" },
];

function without<K extends keyof JobSearch>(search: JobSearch, name: K): JobSearch {
  const { [name]: _, ...rest } = search;
  return rest;
}

/** A search of the directory cache typed here: every user it finds becomes a target. */
export function SearchFields({ value, onChange }: { readonly value: JobSearch; readonly onChange: (next: JobSearch) => void }) {
  const styles = useStyles();
  const tenantOptions = useTenantOptions();
  const tenant = tenantOptions.find((option) => option.id === (value.tenantId ?? allTenants));
  return (
    <div className={styles.grid}>
      <Field label="Name, user name or mail contains" className={styles.text}>
        <Input value={value.text ?? ""} maxLength={256} onChange={(_, data) => onChange(data.value ? { ...value, text: data.value } : without(value, "text"))} />
      </Field>
      <Field label="Tenant">
        <Dropdown className={styles.dropdown} value={tenant?.label ?? value.tenantId ?? ""} selectedOptions={[value.tenantId ?? allTenants]} onOptionSelect={(_, data) => onChange(data.optionValue && data.optionValue !== allTenants ? { ...value, tenantId: data.optionValue } : without(value, "tenantId"))}>
          {tenantOptions.map((option) => (
            <Option key={option.id} value={option.id}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {yesNoFilters.map((filter) => {
        const current = value[filter.name] === undefined ? "any" : value[filter.name] ? "yes" : "no";
        return (
          <Field key={filter.name} label={filter.label}>
            <Dropdown
              className={styles.dropdown}
              value={current === "any" ? "Any" : current === "yes" ? filter.yes : filter.no}
              selectedOptions={[current]}
              onOptionSelect={(_, data) => onChange(data.optionValue === "yes" || data.optionValue === "no" ? { ...value, [filter.name]: data.optionValue === "yes" } : without(value, filter.name))}
            >
              <Option value="any">Any</Option>
              <Option value="yes">{filter.yes}</Option>
              <Option value="no">{filter.no}</Option>
            </Dropdown>
          </Field>
        );
      })}
      <Checkbox label="Admins only" checked={value.adminRole !== undefined} onChange={(_, data) => onChange(data.checked ? { ...value, adminRole: value.adminRole ?? "any" } : without(value, "adminRole"))} />
    </div>
  );
}
