import { Button, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Spinner, Subtitle2, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { EyeRegular, PlayRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { useLocation } from "wouter";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { ApiError } from "../../api/api-client.ts";
import { type JobRequest, type JobSearch, type JobSelection, useJobPreview, useStartJob } from "../../api/jobs.ts";
import { useCatalog } from "../../api/catalog.ts";
import { useTenantLabel } from "../../api/tenants.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { type CsvFile, CsvFileField } from "./csv-file-field.tsx";
import { DryRunPreview } from "./dry-run-preview.tsx";
import type { UserTargets } from "./job-selection.ts";
import { SearchFields } from "./search-fields.tsx";
import { type FieldValues, TemplateFieldError, targetPropertyOf, templateFields, templateOf } from "./template-fields.ts";
import { TemplateForm } from "./template-form.tsx";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  action: { maxWidth: "560px" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
  flush: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Mode = "users" | "search" | "csv";

export interface LinkedSelection {
  readonly users: { readonly targets: UserTargets; readonly count: number; readonly malformed: number };
  readonly search: { search: JobSearch } | { problem: string } | undefined;
}

const selectionFields = ["targets", "search", "csv"];

/** Choose an action, fill its template, choose the targets; preview (a dry run), then run. */
export function NewJobForm({ linked, initialTenant, onClose }: { readonly linked: LinkedSelection; readonly initialTenant: string | undefined; readonly onClose: () => void }) {
  const styles = useStyles();
  const [, navigate] = useLocation();
  const tenantLabel = useTenantLabel();
  const catalog = useCatalog();
  const actions = useMemo(() => (catalog.data?.value ?? []).filter((action) => action.kind === "write" && targetPropertyOf(action.input) !== undefined), [catalog.data]);
  const [actionId, setActionId] = useState<string>(actionIds.usersUpdateProperties);
  const action = actions.find((a) => a.id === actionId);
  const fields = useMemo(() => (action ? templateFields(action.input) : []), [action]);
  const targetProperty = action ? targetPropertyOf(action.input) : undefined;
  const [values, setValues] = useState<FieldValues>({});
  const [mode, setMode] = useState<Mode>(linked.users.count > 0 ? "users" : "search");
  const linkedSearch = linked.search && "search" in linked.search ? linked.search.search : undefined;
  const [search, setSearch] = useState<JobSearch>(linkedSearch ?? (initialTenant ? { tenantId: initialTenant } : {}));
  const [csv, setCsv] = useState<CsvFile | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const preview = useJobPreview();
  const start = useStartJob();

  /** Anything changed: the preview no longer says what a run would do. */
  function edited<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      set(value);
      preview.reset();
      start.reset();
      setLocalErrors({});
    };
  }

  const apiError = start.error ?? preview.error;
  const apiField = apiError instanceof ApiError ? apiError.detail.field : undefined;
  const templatePath = apiField?.startsWith("input.") ? apiField.slice("input.".length) : undefined;
  const templateErrors: Record<string, string> = { ...localErrors, ...(templatePath && fields.some((f) => f.path === templatePath) && apiError ? { [templatePath]: apiError.message } : {}) };
  const selectionError = apiField && selectionFields.some((name) => apiField === name || apiField.startsWith(`${name}.`)) ? apiError?.message : undefined;
  const actionError = apiField === "action" ? apiError?.message : undefined;
  const shownElsewhere = Boolean((templatePath && templatePath in templateErrors) || selectionError || actionError);

  function selection(): JobSelection | undefined {
    if (mode === "users") return { kind: "ids", targets: linked.users.targets };
    if (mode === "search") return { kind: "search", search };
    if (!csv) {
      setLocalErrors({ csv: "Choose a CSV file." });
      return undefined;
    }
    return { kind: "csv", csv: csv.text };
  }

  function request(): JobRequest | undefined {
    if (!action) return undefined;
    try {
      const input = templateOf(fields, values);
      const chosen = selection();
      return chosen ? { action: action.id, input, selection: chosen } : undefined;
    } catch (error) {
      if (error instanceof TemplateFieldError) setLocalErrors({ [error.path]: error.message });
      else throw error;
      return undefined;
    }
  }

  const busy = preview.isPending || start.isPending;
  const targetWord = targetProperty === "groupId" ? "group" : "user";
  return (
    <section className={styles.form} aria-label="New bulk job">
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.flush}>1. Action</Subtitle2>
        {catalog.error ? <ErrorBar error={catalog.error} title="The actions could not be read" /> : null}
        <Field label="Action" className={styles.action} validationMessage={actionError} validationState={actionError ? "error" : "none"} hint={action?.description}>
          <Dropdown
            value={action ? `${action.title} (${action.id})` : catalog.isPending ? "Loading…" : ""}
            selectedOptions={[actionId]}
            onOptionSelect={(_, data) => {
              edited(setActionId)(data.optionValue ?? actionId);
              setValues({});
            }}
          >
            {actions.map((a) => (
              <Option key={a.id} value={a.id} text={`${a.title} (${a.id})`}>
                {a.title} ({a.id})
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.flush}>2. What every {targetWord} gets</Subtitle2>
        <TemplateForm fields={fields} values={values} errors={templateErrors} onChange={edited(setValues)} />
      </div>
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.flush}>3. Targets</Subtitle2>
        <TabList selectedValue={mode} onTabSelect={(_, data) => edited(setMode)(data.value as Mode)} aria-label="Where the targets come from">
          {linked.users.count > 0 ? <Tab value="users">Selected users ({linked.users.count})</Tab> : null}
          <Tab value="search">A search</Tab>
          <Tab value="csv">A CSV file</Tab>
        </TabList>
        <div role="tabpanel" aria-label={mode === "users" ? "Selected users" : mode === "search" ? "A search" : "A CSV file"}>
          {mode === "users" ? (
            <Text>
              {linked.users.count} {linked.users.count === 1 ? "user" : "users"} chosen on the users page, in {linked.users.targets.length} {linked.users.targets.length === 1 ? "tenant" : "tenants"}
              {linked.users.malformed > 0 ? `; ${linked.users.malformed} entries of the link were not tenant:user pairs and are left out` : ""}.
            </Text>
          ) : null}
          {mode === "search" ? (
            <>
              {linked.search && "problem" in linked.search ? (
                <MessageBar intent="warning">
                  <MessageBarBody>{linked.search.problem}</MessageBarBody>
                </MessageBar>
              ) : null}
              <SearchFields value={search} onChange={edited(setSearch)} />
            </>
          ) : null}
          {mode === "csv" ? <CsvFileField columns={["tenant", targetWord, ...fields.map((f) => f.name)]} file={csv} error={localErrors.csv} onChange={edited(setCsv)} /> : null}
          {selectionError ? (
            <MessageBar intent="error">
              <MessageBarBody>{selectionError}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </div>
      {apiError && !shownElsewhere ? <ErrorBar error={apiError} title={start.error ? "The job could not start" : "The preview could not be made"} /> : null}
      <div className={styles.buttons}>
        <Button
          icon={preview.isPending ? <Spinner size="tiny" /> : <EyeRegular />}
          disabled={busy || !action}
          onClick={() => {
            const chosen = request();
            if (chosen) preview.mutate(chosen);
          }}
        >
          Preview
        </Button>
        <Button
          appearance="primary"
          icon={start.isPending ? <Spinner size="tiny" /> : <PlayRegular />}
          disabled={busy || !action}
          onClick={() => {
            const chosen = request();
            if (chosen) start.mutate(chosen, { onSuccess: (answer) => navigate(`/jobs/${answer.job.id}`) });
          }}
        >
          Run
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          Close
        </Button>
        {preview.data ? null : <Text className={styles.muted}>Preview first to see what each {targetWord} would get, or why it would be refused.</Text>}
      </div>
      {preview.data ? <DryRunPreview answer={preview.data} targetProperty={targetProperty} tenantLabel={tenantLabel} /> : null}
    </section>
  );
}
