import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { Suspense } from "react";
import { ApiError } from "../api/api-client.ts";
import { useMe } from "../api/me.ts";
import { AppHeader } from "./app-header.tsx";
import { AppNavigation } from "./app-navigation.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { Routes } from "./routes.tsx";
import { SignInScreen } from "./sign-in-screen.tsx";

const useStyles = makeStyles({
  frame: { display: "grid", gridTemplateRows: "auto 1fr", gridTemplateColumns: "200px minmax(0, 1fr)", minHeight: "100vh" },
  header: { gridColumn: "1 / 3" },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, minWidth: 0 },
  centred: { display: "grid", placeItems: "center", minHeight: "100vh" },
});

export function App() {
  const styles = useStyles();
  const me = useMe();
  if (me.isPending) return <Spinner className={styles.centred} label="Loading Tenantry" />;
  if (me.error instanceof ApiError && me.error.status === 401) return <SignInScreen />;
  if (me.error) return <ErrorBar error={me.error} title="Tenantry could not load" />;
  return (
    <div className={styles.frame}>
      <AppHeader className={styles.header} me={me.data} />
      <AppNavigation me={me.data} />
      <main className={styles.main}>
        <Suspense fallback={<Spinner label="Loading" />}>
          <Routes />
        </Suspense>
      </main>
    </div>
  );
}
