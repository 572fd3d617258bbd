import { z } from "zod";
import type { ActionRunner } from "../actions/action-runner.ts";
import type { ActionRun } from "../actions/action-run.ts";
import { catalog } from "../catalog/catalog.ts";
import { errorSchema, tenantKey } from "./api-schemas.ts";
import { accessOf, actorOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

const jsonObject = z.record(z.string(), z.unknown());

const runError = z.object({ code: z.string(), message: z.string(), fix: z.string().optional(), field: z.string().optional(), graphRequestId: z.string().optional(), status: z.number().optional() });

export const actionRunSchema = z.object({
  id: z.string(),
  action: z.string(),
  tenantId: z.string(),
  actor: z.object({ operatorId: z.string().optional(), name: z.string(), via: z.string() }),
  idempotencyKey: z.string(),
  state: z.enum(["requested", "succeeded", "failed", "refused"]),
  target: z.object({ id: z.string().optional(), kind: z.string(), display: z.string().optional() }).nullable(),
  inputs: jsonObject,
  before: jsonObject.nullable(),
  after: jsonObject.nullable(),
  result: jsonObject.nullable(),
  warnings: z.array(z.string()).readonly(),
  error: runError.nullable(),
  graphRequestIds: z.array(z.string()).readonly(),
  correlationId: z.string(),
  reconciled: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const writeAnswer = z.object({
  run: actionRunSchema,
  replayed: z.boolean(),
  /** A generated password: in the first answer only. */
  secret: jsonObject.optional(),
});
/** A failed run may still carry a generated password that Graph was sent: it may be in effect. */
const failedAnswer = z.object({ error: runError, run: actionRunSchema, replayed: z.boolean(), secret: jsonObject.optional() });

/** Headers of every route that runs actions. */
export const actionHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7E]+$/, "printable ASCII without spaces")
    .optional()
    .describe("A retry with the same key returns the first outcome and never applies the change twice"),
  "x-tenantry-client": z.enum(["cli", "console", "api"]).optional(),
});

const tenantParams = z.strictObject({ tenant: tenantKey });

/** HTTP status of a run that did not succeed: a refusal keeps its own; Graph's failures are a bad gateway. */
export function failedRunStatus(run: ActionRun): 403 | 404 | 409 | 422 | 502 | 503 {
  if (run.state === "requested") return 409;
  const status = run.error?.status;
  if (status === 403 || status === 404 || status === 409 || status === 422 || status === 503) return status;
  return run.state === "failed" ? 502 : 422;
}

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema, 502: errorSchema, 503: errorSchema };
const runErrors = { ...errors, 403: z.union([failedAnswer, errorSchema]), 404: z.union([failedAnswer, errorSchema]), 409: z.union([failedAnswer, errorSchema]), 422: z.union([failedAnswer, errorSchema]), 502: z.union([failedAnswer, errorSchema]), 503: z.union([failedAnswer, errorSchema]) };

/** One route per catalog action: POST /api/tenants/{tenant}/actions/{action id}, its body the action's input. */
export function registerActionRoutes(app: ZodApp, runner: ActionRunner): void {
  for (const action of catalog) {
    const schema = { tags: [action.module], summary: action.title, description: action.description, params: tenantParams, headers: actionHeaders, body: action.input };
    const url = `/api/tenants/:tenant/actions/${action.id}`;
    if (action.kind === "read") {
      app.post(url, { schema: { ...schema, response: { 200: z.object({ action: z.string(), tenantId: z.string(), data: z.unknown() }), ...errors } } }, async (request) => {
        const answer = await runner.run({ action: action.id, tenant: request.params.tenant, input: request.body, actor: actorOf(request), access: accessOf(request) });
        if (answer.kind !== "read") throw new Error(`${action.id} answered as a write.`);
        return { action: answer.action, tenantId: answer.tenantId, data: answer.data };
      });
      continue;
    }
    app.post(url, { schema: { ...schema, response: { 200: writeAnswer, 202: writeAnswer, ...runErrors } } }, async (request, reply) => {
      const key = request.headers["idempotency-key"];
      const answer = await runner.run({ action: action.id, tenant: request.params.tenant, input: request.body, actor: actorOf(request), access: accessOf(request), ...(key ? { idempotencyKey: key } : {}) });
      if (answer.kind !== "write") throw new Error(`${action.id} answered as a read.`);
      const { run, replayed } = answer;
      if (run.state === "succeeded") return reply.status(200).send({ run, replayed, ...(answer.secret ? { secret: answer.secret } : {}) });
      // Sent to Graph but not yet read back: settled from Graph shortly; the same key then answers with the outcome.
      if (run.state === "requested") return reply.status(202).send({ run, replayed, ...(answer.secret ? { secret: answer.secret } : {}) });
      return reply.status(failedRunStatus(run)).send({ error: run.error ?? { code: "failed", message: "The action failed." }, run, replayed, ...(answer.secret ? { secret: answer.secret } : {}) });
    });
  }
}
