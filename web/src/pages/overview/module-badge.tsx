import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Tenant } from "../../api/tenants.ts";

export type ModuleHealth = NonNullable<Tenant["lastCheck"]>["modules"][number];

const colours = { ready: "success", degraded: "warning", unavailable: "danger" } as const;

const useStyles = makeStyles({
  cell: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
});

/** A module's health in a tenant: ready, degraded or unavailable, and how many of its features work. */
export function ModuleBadge({ health }: { readonly health: ModuleHealth | undefined }) {
  const styles = useStyles();
  if (!health) {
    return (
      <Badge appearance="outline" color="informative">
        not checked
      </Badge>
    );
  }
  const working = health.features.filter((f) => f.available).length;
  return (
    <div className={styles.cell}>
      <Badge appearance="tint" color={colours[health.state]}>
        {health.state}
      </Badge>
      <Caption1>
        {working} of {health.features.length} features
      </Caption1>
    </div>
  );
}
