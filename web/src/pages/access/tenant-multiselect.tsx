import { Dropdown, Option } from "@fluentui/react-components";
import { tenantName, useTenants } from "../../api/tenants.ts";

interface TenantMultiselectProps {
  readonly selected: readonly string[];
  readonly change: (tenantIds: string[]) => void;
  readonly placeholder: string;
}

/** Several connected tenants, by name; the value is their ids. Put it in a Field, which labels it. */
export function TenantMultiselect({ selected, change, placeholder }: TenantMultiselectProps) {
  const tenants = useTenants();
  const names = (tenants.data ?? []).filter((t) => selected.includes(t.tenantId)).map(tenantName);
  return (
    <Dropdown multiselect placeholder={placeholder} value={names.join(", ")} selectedOptions={[...selected]} onOptionSelect={(_, data) => change(data.selectedOptions)}>
      {(tenants.data ?? []).map((t) => (
        <Option key={t.tenantId} value={t.tenantId} text={tenantName(t)}>
          {t.defaultDomain && t.defaultDomain !== tenantName(t) ? `${tenantName(t)} (${t.defaultDomain})` : tenantName(t)}
        </Option>
      ))}
    </Dropdown>
  );
}
