import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UserDetails } from "../../api/user-details.ts";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  pair: { display: "contents" },
});

const when = (value: unknown) => (typeof value === "string" && value ? new Date(value).toLocaleString() : "—");

/** Dates of sign-in and sync that explain the user's state; they change through actions, never by hand. */
export function UserFacts({ user }: { readonly user: UserDetails }) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ["Created", when(user.createdDateTime)],
    ["Password last changed", when(user.lastPasswordChangeDateTime)],
    ["Sessions valid from", when(user.signInSessionsValidFromDateTime)],
    ["Account type", typeof user.userType === "string" ? user.userType : "—"],
  ];
  if (user.sync.synced) {
    facts.push(["Last synced from on-premises", when(user.sync.onPremisesLastSyncDateTime)]);
    facts.push(["On-premises account", user.sync.onPremisesSamAccountName ? `${user.sync.onPremisesDomainName ?? ""}\\${user.sync.onPremisesSamAccountName}` : "—"]);
  }
  return (
    <dl className={styles.list}>
      {facts.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>
            <Text>{term}</Text>
          </dt>
          <dd className={styles.value}>
            <Text>{value}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
