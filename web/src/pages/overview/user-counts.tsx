import { Caption1, makeStyles, Text } from "@fluentui/react-components";
import { counted } from "./counted.ts";
import type { TenantSummary } from "../../api/overview-summaries.ts";

const useStyles = makeStyles({
  cell: { display: "flex", flexDirection: "column" },
});

const count = new Intl.NumberFormat();

/** How many users the cache holds, and of which kind. */
export function UserCounts({ counts }: { readonly counts: TenantSummary["userCounts"] }) {
  const styles = useStyles();
  return (
    <div className={styles.cell}>
      <Text weight="semibold">{count.format(counts.users)}</Text>
      <Caption1 wrap={false}>
        {count.format(counts.enabled)} enabled · {counted(counts.guests, "guest")}
      </Caption1>
      <Caption1 wrap={false}>
        {count.format(counts.licensed)} licensed · {count.format(counts.synced)} synced
      </Caption1>
    </div>
  );
}
