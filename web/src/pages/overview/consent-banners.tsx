import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Tenant } from "../../api/tenants.ts";
import { ConsentBanner } from "./consent-banner.tsx";
import { consentProblemOf } from "./consent-problems.ts";

const useStyles = makeStyles({
  banners: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  more: { alignSelf: "flex-start" },
});

/** Enough banners to see at a glance; the rest on request. */
const shownAtFirst = 5;

/** A banner per tenant whose consent is degraded or unavailable, or whose token fails. */
export function ConsentBanners({ tenants }: { readonly tenants: readonly Tenant[] }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const problems = tenants.flatMap((tenant) => consentProblemOf(tenant) ?? []);
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, shownAtFirst);
  return (
    <section className={styles.banners} aria-label="Tenants that need attention">
      {shown.map((problem) => (
        <ConsentBanner key={problem.tenant.tenantId} problem={problem} />
      ))}
      {shown.length < problems.length ? (
        <Button className={styles.more} appearance="subtle" onClick={() => setAll(true)}>
          Show {problems.length - shown.length} more tenants that need attention
        </Button>
      ) : null}
    </section>
  );
}
