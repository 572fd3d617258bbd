import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useLocation } from "wouter";
import { isPlatformAdministrator, type Me } from "../api/me.ts";
import { isUserPage, navigation } from "./routes.tsx";

const useStyles = makeStyles({
  nav: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground2 },
});

export function AppNavigation({ me }: { readonly me: Me }) {
  const styles = useStyles();
  const [location, navigate] = useLocation();
  const entries = navigation.filter((entry) => !entry.platformAdministrators || isPlatformAdministrator(me));
  const section = isUserPage(location) ? "/users" : location;
  const selected = entries.find((entry) => section === entry.path || section.startsWith(`${entry.path}/`))?.path;
  return (
    <nav className={styles.nav} aria-label="Pages">
      <TabList vertical selectedValue={selected ?? null} onTabSelect={(_, data) => navigate(String(data.value))}>
        {entries.map((entry) => (
          <Tab key={entry.path} value={entry.path}>
            {entry.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
