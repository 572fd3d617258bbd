import { Badge, makeStyles, Text, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  identity: { color: tokens.colorNeutralForeground2 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, listStyleType: "none", padding: 0, marginBottom: 0, marginLeft: 0, marginRight: 0 },
});

export interface UserBadge {
  readonly label: string;
  readonly color: "success" | "danger" | "informative" | "important" | "warning" | "subtle";
}

/** Who the user is, where, and its state at a glance. */
export function UserHeader({ name, userPrincipalName, tenantName, badges }: { readonly name: string; readonly userPrincipalName: string; readonly tenantName: string; readonly badges: readonly UserBadge[] }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1">{name}</Title2>
      <Text className={styles.identity}>
        {userPrincipalName} · {tenantName}
      </Text>
      <ul className={styles.badges} aria-label="State">
        {badges.map((badge) => (
          <li key={badge.label}>
            <Badge appearance="tint" color={badge.color}>
              {badge.label}
            </Badge>
          </li>
        ))}
      </ul>
    </header>
  );
}
