import { Button, makeStyles, Subtitle1, Text, tokens, Title2 } from "@fluentui/react-components";

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: tokens.spacingVerticalL, minHeight: "100vh", padding: tokens.spacingHorizontalXXL },
});

/** Nobody is signed in: the button starts OpenID Connect sign-in, and comes back to the page asked for. */
export function SignInScreen() {
  const styles = useStyles();
  const returnTo = `${window.location.pathname}${window.location.search}`;
  return (
    <main className={styles.screen}>
      <Title2 as="h1">Tenantry</Title2>
      <Subtitle1 as="p">Manage your customers' Microsoft 365 tenants.</Subtitle1>
      <Button appearance="primary" size="large" as="a" href={`/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>
        Sign in
      </Button>
      <Text size={200}>You sign in with your work account through Microsoft's identity platform.</Text>
    </main>
  );
}
