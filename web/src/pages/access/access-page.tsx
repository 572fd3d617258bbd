// Operators and role assignments, for Platform Administrators. Everyone else gets the API's own refusal.
import { makeStyles, Spinner, Tab, TabList, Title2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSearchParams } from "wouter";
import { useOperators } from "../../api/access-operators.ts";
import { ApiError } from "../../api/api-client.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AccessCheckTab } from "./access-check-tab.tsx";
import { AssignmentsTab } from "./assignments-tab.tsx";
import { OperatorsTab } from "./operators-tab.tsx";
import { TenantGroupsTab } from "./tenant-groups-tab.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

const tabs = [
  { id: "operators", label: "Operators" },
  { id: "assignments", label: "Role assignments" },
  { id: "tenant-groups", label: "Tenant groups" },
  { id: "check", label: "Access check" },
] as const;
type TabId = (typeof tabs)[number]["id"];

function TabContent({ tab }: { readonly tab: TabId }) {
  if (tab === "assignments") return <AssignmentsTab />;
  if (tab === "tenant-groups") return <TenantGroupsTab />;
  if (tab === "check") return <AccessCheckTab />;
  return <OperatorsTab />;
}

export default function AccessPage() {
  const styles = useStyles();
  const operators = useOperators();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((t) => t.id === search.get("tab"))?.id ?? "operators";

  let content: ReactNode;
  if (operators.isPending) content = <Spinner label="Loading operators" />;
  else if (operators.error instanceof ApiError && operators.error.status === 403) {
    content = <ErrorBar intent="warning" error={operators.error} title="Only Platform Administrators manage operators and roles" />;
  } else if (operators.error) content = <ErrorBar error={operators.error} title="The operators could not be loaded" />;
  else {
    content = (
      <>
        <TabList selectedValue={tab} onTabSelect={(_, data) => setSearch({ tab: String(data.value) })} aria-label="Operators and roles">
          {tabs.map((t) => (
            <Tab key={t.id} value={t.id}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" aria-label={tabs.find((t) => t.id === tab)?.label}>
          <TabContent tab={tab} />
        </div>
      </>
    );
  }
  return (
    <div className={styles.page}>
      <Title2 as="h1">Operators and roles</Title2>
      {content}
    </div>
  );
}
