import { Button, makeStyles, Subtitle2, Text, Title2, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { useCatalog } from "../../api/catalog.ts";
import { allTenants, useTenantScope } from "../../app/tenant-scope.tsx";
import { actionSummaries } from "./action-summary.ts";
import { JobDetails } from "./job-details.tsx";
import { searchFromParam, usersFromParam } from "./job-selection.ts";
import { JobsList } from "./jobs-list.tsx";
import { type LinkedSelection, NewJobForm } from "./new-job-form.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalL },
  flush: { margin: 0 },
  lead: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0 0` },
});

function JobsOverview({ describe }: { readonly describe: ReturnType<typeof actionSummaries> }) {
  const styles = useStyles();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const usersParam = params.get("users");
  const searchParam = params.get("search");
  const linked: LinkedSelection = useMemo(() => ({ users: usersFromParam(usersParam), search: searchFromParam(searchParam) }), [usersParam, searchParam]);
  const { tenant } = useTenantScope();
  const [creating, setCreating] = useState(false);
  const open = creating || linked.users.count > 0 || linked.search !== undefined;
  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <div>
          <Title2 as="h1" block className={styles.flush}>
            Bulk jobs
          </Title2>
          <Text as="p" block className={styles.lead}>
            One action over many users: previewed first, run at the pace Microsoft allows, resumable.
          </Text>
        </div>
        {open ? null : (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
            New bulk job
          </Button>
        )}
      </div>
      {open ? (
        <NewJobForm
          // A new link starts a new form.
          key={`${usersParam ?? ""}|${searchParam ?? ""}`}
          linked={linked}
          initialTenant={tenant === allTenants ? undefined : tenant}
          onClose={() => {
            setCreating(false);
            if (usersParam !== null || searchParam !== null) navigate("/jobs", { replace: true });
          }}
        />
      ) : null}
      <Subtitle2 as="h2" className={styles.flush}>Jobs</Subtitle2>
      <JobsList actionTitle={(id) => describe(id).title} />
    </div>
  );
}

export default function JobsPage({ jobId }: { readonly jobId?: string }) {
  const catalog = useCatalog();
  const describe = useMemo(() => actionSummaries(catalog.data?.value), [catalog.data]);
  return jobId ? <JobDetails jobId={jobId} describe={describe} /> : <JobsOverview describe={describe} />;
}
