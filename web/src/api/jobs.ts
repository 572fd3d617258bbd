import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createdAnswer, dryRunAnswer, itemSchema, jobSchema, searchSelection } from "../../../src/api/bulk-routes.ts";
import { api, withQuery } from "./api-client.ts";

export type BulkJob = z.infer<typeof jobSchema>;
export type BulkItem = z.infer<typeof itemSchema>;
export type BulkItemState = BulkItem["state"];
export type DryRunAnswer = z.infer<typeof dryRunAnswer>;
export type PlannedItem = DryRunAnswer["items"][number];
export type CreatedAnswer = z.infer<typeof createdAnswer>;
/** A search of the directory cache, as POST /api/jobs takes it. */
export type JobSearch = z.input<typeof searchSelection>;
export type JobControl = "pause" | "resume" | "cancel" | "retry-failed";

/** Where a job's targets come from, as the console offers it. */
export type JobSelection =
  | { readonly kind: "ids"; readonly targets: readonly { readonly tenant: string; readonly ids: readonly string[] }[] }
  | { readonly kind: "search"; readonly search: JobSearch }
  | { readonly kind: "csv"; readonly csv: string };

export interface JobRequest {
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly selection: JobSelection;
}

/** While a job runs, its page asks again every second. */
const runningPoll = 1000;

function post<T>(request: JobRequest, dryRun: boolean): Promise<T> {
  const { action, input, selection } = request;
  if (selection.kind === "csv") return api<T>("POST", "/api/jobs/csv", { body: { action, input, csv: selection.csv, dryRun } });
  const chosen = selection.kind === "ids" ? { targets: selection.targets } : { search: selection.search };
  return api<T>("POST", "/api/jobs", { body: { action, input, ...chosen, dryRun } });
}

/** What each target would change, or why it would be refused; nothing is written. */
export function useJobPreview() {
  return useMutation({ mutationFn: (request: JobRequest) => post<DryRunAnswer>(request, true) });
}

export function useStartJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: JobRequest) => post<CreatedAnswer>(request, false),
    onSuccess: (answer) => {
      queryClient.setQueryData(["jobs", "job", answer.job.id], answer.job);
      void queryClient.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}

/** The jobs the operator created or whose tenants it sees, newest first; asked again while one of them runs. */
export function useJobs() {
  return useInfiniteQuery({
    queryKey: ["jobs", "list"],
    queryFn: ({ pageParam, signal }) => api<{ value: BulkJob[]; nextCursor: string | null }>("GET", withQuery("/api/jobs", { limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.value.some((job) => job.state === "running")) ? 2 * runningPoll : false),
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: ["jobs", "job", id],
    queryFn: ({ signal }) => api<BulkJob>("GET", `/api/jobs/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.state === "running" ? runningPoll : false),
  });
}

/** A job's items in one state (or all), a page at a time; the job's page asks again as its progress moves. */
export function useJobItems(id: string, state: BulkItemState | undefined) {
  return useInfiniteQuery({
    queryKey: ["jobs", "job", id, "items", state ?? "all"],
    queryFn: ({ pageParam, signal }) => api<{ value: BulkItem[]; nextCursor: string | null }>("GET", withQuery(`/api/jobs/${encodeURIComponent(id)}/items`, { state, limit: 100, after: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Reads a job's items again: its progress moved. */
export function useRefreshJobItems(id: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ["jobs", "job", id, "items"] });
}

export function useJobControl(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (control: JobControl) => api<BulkJob>("POST", `/api/jobs/${encodeURIComponent(id)}/${control}`),
    onSuccess: (job) => {
      queryClient.setQueryData(["jobs", "job", id], job);
      void queryClient.invalidateQueries({ queryKey: ["jobs", "job", id, "items"] });
      void queryClient.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}
