import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { TenantSummary } from "../../api/overview-summaries.ts";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  seats: { flexShrink: 0, fontVariantNumeric: "tabular-nums" },
  // Every seat taken, or more assigned than bought: the next assignment fails.
  full: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const count = new Intl.NumberFormat();

/** The tenant's SKUs: assigned of available seats each. */
export function LicenceSeats({ tenantName, skus }: { readonly tenantName: string; readonly skus: TenantSummary["skus"] }) {
  const styles = useStyles();
  if (skus.length === 0) return <Caption1>No licences cached</Caption1>;
  return (
    <ul className={styles.list} aria-label={`Licences of ${tenantName}`}>
      {skus.map((sku) => {
        const full = sku.enabledUnits > 0 && sku.consumedUnits >= sku.enabledUnits;
        const status = sku.capabilityStatus && sku.capabilityStatus !== "Enabled" ? ` (${sku.capabilityStatus})` : "";
        return (
          <li key={sku.skuId} className={styles.item}>
            <Caption1 className={styles.name} title={sku.skuPartNumber}>
              {sku.productName}
              {status}
            </Caption1>
            <Caption1 className={mergeClasses(styles.seats, full && styles.full)}>
              {count.format(sku.consumedUnits)} / {count.format(sku.enabledUnits)}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
}
