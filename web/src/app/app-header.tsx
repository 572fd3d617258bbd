import { Button, Dropdown, makeStyles, Option, Text, Title3, Tooltip, tokens } from "@fluentui/react-components";
import { WeatherMoonRegular, WeatherSunnyRegular } from "@fluentui/react-icons";
import { api } from "../api/api-client.ts";
import type { Me } from "../api/me.ts";
import { useTenantOptions } from "./tenant-options.ts";
import { allTenants, useTenantScope } from "./tenant-scope.tsx";
import { useThemeChoice } from "./theme-choice.tsx";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { color: tokens.colorNeutralForegroundOnBrand },
  spacer: { flexGrow: 1 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

function TenantSwitcher() {
  const options = useTenantOptions();
  const { tenant, setTenant } = useTenantScope();
  const current = options.find((o) => o.id === tenant) ?? options[0]!;
  return (
    <Dropdown aria-label="Tenant" value={current.label} selectedOptions={[current.id]} onOptionSelect={(_, data) => setTenant(data.optionValue ?? allTenants)} style={{ minWidth: 240 }}>
      {options.map((o) => (
        <Option key={o.id} value={o.id}>
          {o.label}
        </Option>
      ))}
    </Dropdown>
  );
}

async function signOut(): Promise<void> {
  await api("POST", "/auth/sign-out").catch(() => undefined);
  window.location.assign("/");
}

export function AppHeader({ me, className }: { readonly me: Me; readonly className?: string }) {
  const styles = useStyles();
  const { theme, toggle } = useThemeChoice();
  const other = theme === "light" ? "dark" : "light";
  return (
    <header className={`${styles.header} ${className ?? ""}`}>
      <Title3 as="span" className={styles.title}>
        Tenantry
      </Title3>
      <TenantSwitcher />
      <span className={styles.spacer} />
      <Tooltip content={`Use the ${other} theme`} relationship="label">
        <Button appearance="transparent" className={styles.onBrand} icon={theme === "light" ? <WeatherMoonRegular /> : <WeatherSunnyRegular />} onClick={toggle} />
      </Tooltip>
      <Text className={styles.onBrand}>{me.operator.displayName ?? me.operator.userPrincipalName}</Text>
      <Button appearance="outline" className={styles.onBrand} onClick={() => void signOut()}>
        Sign out
      </Button>
    </header>
  );
}
