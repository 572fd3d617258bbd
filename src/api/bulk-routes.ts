// Bulk jobs over HTTP: create (or dry-run) one from ids or a CSV upload, list them, follow one, list its
// items, pause, resume, cancel, retry its failed items.
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActionInputError } from "../actions/action-errors.ts";
import type { JsonObject } from "../audit/audit-entry.ts";
import { toJson } from "../audit/redact-secrets.ts";
import { bulkItemStates } from "../jobs/bulk/bulk-job.ts";
import { type BulkJobsService, type BulkSelection, type CreateJobAnswer, type JobControl, maxJobTargets } from "../jobs/bulk/bulk-jobs-service.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const tags = ["jobs"];
const jsonObject = z.record(z.string(), z.unknown());
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
/** A CSV upload may be larger than other bodies. */
const csvBodyLimit = 16 * 1024 * 1024;

const itemError = z.object({ code: z.string(), message: z.string(), fix: z.string().optional(), field: z.string().optional() });
const count = z.number().int();

const progressSchema = z.object({
  total: count,
  done: count,
  succeeded: count,
  failed: count,
  refused: count,
  skipped: count,
  running: count,
  pending: count,
  remaining: count,
  percent: z.number(),
  ratePerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const jobSchema = z.object({
  id: z.string(),
  action: z.string(),
  state: z.enum(["running", "paused", "cancelled", "finished"]),
  source: z.enum(["ids", "csv", "search"]),
  input: jsonObject,
  createdBy: z.object({ operatorId: z.string(), name: z.string() }),
  createdAt: z.string(),
  tenantIds: z.array(z.string()).readonly(),
  progress: progressSchema,
});

export const itemSchema = z.object({
  id: z.string(),
  row: count,
  tenant: z.string(),
  tenantId: z.string().nullable(),
  target: z.string(),
  state: z.enum(bulkItemStates),
  attempt: count,
  tries: count,
  runId: z.string().nullable(),
  error: itemError.nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const plannedSchema = z.object({
  row: count,
  tenant: z.string(),
  tenantId: z.string().nullable(),
  target: z.string(),
  outcome: z.enum(["would-change", "would-refuse", "unchecked"]),
  object: z.object({ id: z.string().optional(), kind: z.string(), display: z.string().optional() }).nullable(),
  before: jsonObject.nullable(),
  change: jsonObject.nullable(),
  warnings: z.array(z.string()).readonly(),
  error: itemError.nullable(),
});

export const createdAnswer = z.object({ job: jobSchema, rejected: z.array(z.object({ row: count, tenant: z.string(), target: z.string(), error: itemError })).readonly() });
export const dryRunAnswer = z.object({ dryRun: z.literal(true), action: z.string(), items: z.array(plannedSchema).readonly(), summary: z.object({ "would-change": count, "would-refuse": count, unchecked: count }) });

const action = z.string().min(1).max(128).describe("A catalog write action, e.g. users.update-properties");
const template = jsonObject.default({}).describe("The input every item shares, without the target, e.g. {\"changes\": {\"department\": \"Sales\"}}");
const dryRun = z.boolean().default(false).describe("Only say what each item would change or why it would be refused; nothing is queued or written");

export const searchSelection = z
  .strictObject({
    text: z.string().trim().min(1).max(256).optional(),
    tenantId: z.guid("must be a tenant id (GUID)").optional(),
    enabled: z.boolean().optional(),
    licensed: z.boolean().optional(),
    synced: z.boolean().optional(),
    guest: z.boolean().optional(),
    adminRole: z.string().min(1).max(64).optional().describe('"any", or a role template id'),
  })
  .describe("Every user of the directory cache this search finds, in the tenants the operator sees");

const createBody = z
  .strictObject({
    action,
    input: template,
    targets: z
      .array(z.strictObject({ tenant: tenantKey, ids: z.array(z.string().trim().min(1).max(256)).min(1).max(maxJobTargets) }))
      .min(1)
      .max(1000)
      .optional()
      .describe("Users (object ids or user principal names) or groups per tenant"),
    search: searchSelection.optional(),
    dryRun,
  })
  .refine((body) => (body.targets === undefined) !== (body.search === undefined), { message: "Give either targets or search.", path: ["targets"] });

const csvJsonBody = z.strictObject({ action, input: template, csv: z.string().min(1).max(csvBodyLimit), dryRun });
const csvQuery = z.strictObject({
  action: action.optional(),
  input: z.string().max(65_536).optional().describe("With a text/csv body: the template as JSON"),
  dryRun: z.enum(["true", "false"]).optional(),
});

const idParams = z.strictObject({ id: z.guid("must be a job id (GUID)") });
const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().min(1).max(512).optional() });
const itemsQuery = z.strictObject({
  state: z.enum(bulkItemStates).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().regex(/^\d{1,19}$/, "an item id from nextCursor").optional(),
});

const controls: readonly JobControl[] = ["pause", "resume", "cancel", "retry-failed"];

function templateFromQuery(text: string | undefined): JsonObject {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ActionInputError("input", "Not JSON; give the template as a JSON object.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ActionInputError("input", "Give the template as a JSON object.");
  return toJson(parsed) as JsonObject;
}

function answer(result: CreateJobAnswer) {
  if (result.kind === "dry-run") return { status: 200 as const, body: { dryRun: true as const, action: result.action, items: result.items, summary: result.summary } };
  return { status: 201 as const, body: { job: result.job, rejected: result.rejected } };
}

/** The search filters that were given. */
function pickDefined(search: z.infer<typeof searchSelection>) {
  const { enabled, licensed, synced, guest, adminRole } = search;
  return Object.fromEntries(Object.entries({ enabled, licensed, synced, guest, adminRole }).filter(([, value]) => value !== undefined));
}

export function registerBulkRoutes(app: ZodApp, jobs: BulkJobsService): void {
  app.post(
    "/api/jobs",
    { schema: { tags, summary: "Create a bulk job over users or groups given by id, or over a search of the directory cache (or dry-run it)", body: createBody, response: { 200: dryRunAnswer, 201: createdAnswer, ...errors } } },
    async (request, reply) => {
      const { targets, search } = request.body;
      const selection: BulkSelection = search
        ? { kind: "search", search: { ...(search.text ? { text: search.text } : {}), filters: { ...(search.tenantId ? { tenantId: search.tenantId.toLowerCase() } : {}), ...pickDefined(search) } } }
        : { kind: "ids", targets: targets ?? [] };
      const result = answer(await jobs.create(accessOf(request), actorOf(request), { action: request.body.action, input: toJson(request.body.input) as JsonObject, selection, dryRun: request.body.dryRun }));
      return reply.status(result.status).send(result.body);
    },
  );

  app.register(async (scope) => {
    const csvScope = scope.withTypeProvider<ZodTypeProvider>();
    csvScope.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: csvBodyLimit }, (_request, body, done) => done(null, body));
    csvScope.post(
      "/api/jobs/csv",
      {
        bodyLimit: csvBodyLimit,
        schema: {
          tags,
          summary: "Create a bulk job from a CSV (columns tenant, user and input properties such as jobTitle), sent as text/csv or as JSON {action, input, csv}",
          querystring: csvQuery,
          body: z.union([z.string().min(1).max(csvBodyLimit), csvJsonBody]),
          response: { 200: dryRunAnswer, 201: createdAnswer, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const fromQuery = typeof body === "string";
        const chosenAction = fromQuery ? request.query.action : body.action;
        if (!chosenAction) throw new ActionInputError("action", "Required: the action, as ?action= with a text/csv body.");
        const result = answer(
          await jobs.create(accessOf(request), actorOf(request), {
            action: chosenAction,
            input: fromQuery ? templateFromQuery(request.query.input) : (toJson(body.input) as JsonObject),
            selection: { kind: "csv", text: fromQuery ? body : body.csv },
            dryRun: fromQuery ? request.query.dryRun === "true" : body.dryRun,
          }),
        );
        return reply.status(result.status).send(result.body);
      },
    );
  });

  app.get(
    "/api/jobs",
    { schema: { tags, summary: "The bulk jobs you created or whose tenants you see, newest first", querystring: listQuery, response: { 200: z.object({ value: z.array(jobSchema), nextCursor: z.string().nullable() }), ...errors } } },
    async (request) => jobs.list(accessOf(request), request.query.limit, request.query.cursor),
  );

  app.get("/api/jobs/:id", { schema: { tags, summary: "One bulk job with its progress", params: idParams, response: { 200: jobSchema, ...errors } } }, async (request) => jobs.get(accessOf(request), request.params.id));

  app.get(
    "/api/jobs/:id/items",
    { schema: { tags, summary: "A bulk job's items, in one state or all", params: idParams, querystring: itemsQuery, response: { 200: z.object({ value: z.array(itemSchema), nextCursor: z.string().nullable() }), ...errors } } },
    async (request) => jobs.items(accessOf(request), request.params.id, { limit: request.query.limit, ...(request.query.state ? { state: request.query.state } : {}), ...(request.query.after ? { after: request.query.after } : {}) }),
  );

  for (const control of controls) {
    app.post(
      `/api/jobs/:id/${control}`,
      { schema: { tags, summary: `${control[0]!.toUpperCase()}${control.slice(1).replace("-", " ")} a bulk job`, params: idParams, response: { 200: jobSchema, ...errors } } },
      async (request) => jobs.control(accessOf(request), actorOf(request), request.params.id, control),
    );
  }
}
