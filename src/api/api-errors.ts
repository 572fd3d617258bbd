import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ActionInputError, ActionRefused, IdempotencyConflict } from "../actions/action-errors.ts";
import { GraphRequestError } from "../graph/graph-errors.ts";
import { TenantsError } from "../tenants/tenants-service.ts";

export interface ApiErrorBody {
  error: { code: string; message: string; fix?: string; field?: string; graphRequestId?: string };
}

// Connection refused or reset, PostgreSQL shutting down (57P), connection exceptions (08), or pg's own "Connection terminated".
function isDatabaseUnavailable(error: Error & { code?: string }): boolean {
  const code = error.code ?? "";
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code.startsWith("57P") || code.startsWith("08") || /Connection terminated|Client has encountered a connection error/.test(error.message);
}

/** Fastify's refusals of a body it could not read as JSON, by error code. */
const unreadableBodies: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "The body is not valid JSON; send the action's input as a JSON object.",
  FST_ERR_CTP_EMPTY_JSON_BODY: "The body is empty; send the action's input as a JSON object.",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "The body must be JSON, sent with Content-Type: application/json.",
  FST_ERR_CTP_BODY_TOO_LARGE: "The body is too large.",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "The body's length does not match its Content-Length header.",
};

/** The field a schema issue is about, dotted ("changes.jobTitle"); an unknown property is named itself. */
function fieldOf(issue: { instancePath: string; keyword: string; params: Record<string, unknown> }, context: string | undefined): string {
  const path = issue.instancePath.split("/").filter(Boolean);
  const unknown = issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys) ? issue.params.keys[0] : undefined;
  if (typeof unknown === "string") path.push(unknown);
  return path.length > 0 ? path.join(".") : (context ?? "body");
}

/** Zod says only "Invalid input" when no choice of a union fits; each choice's own first reason says more. */
function reasonOf(issue: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  const choices = issue.params.errors;
  if (issue.keyword !== "invalid_union" || issue.message !== "Invalid input" || !Array.isArray(choices)) return issue.message ?? "invalid value";
  const reasons = choices.map((choice: unknown) => (Array.isArray(choice) ? (choice[0] as { message?: unknown } | undefined)?.message : undefined));
  const distinct = [...new Set(reasons.filter((reason): reason is string => typeof reason === "string"))];
  return distinct.length > 0 ? distinct.join(", or ") : issue.message;
}

/** Bad input gets a 4xx naming the field and the reason; nothing internal leaks into an answer. */
export function handleApiError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, log?: (line: string) => void): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0]!;
    const field = fieldOf(issue, error.validationContext);
    const body: ApiErrorBody = { error: { code: "invalid_input", field, message: `${field}: ${reasonOf(issue)}` } };
    reply.status(400).send(body);
    return;
  }
  const unreadable = error.code ? unreadableBodies[error.code] : undefined;
  if (unreadable && error.statusCode && error.statusCode < 500) {
    reply.status(error.statusCode).send({ error: { code: "invalid_input", field: "body", message: `body: ${unreadable}` } } satisfies ApiErrorBody);
    return;
  }
  if (error instanceof TenantsError) {
    // A tenant named in the path that Tenantry does not know: the path's tenant is the field at fault.
    const tenantField = error.status === 404 && (request.params as { tenant?: unknown } | undefined)?.tenant !== undefined ? { field: "tenant" } : {};
    reply.status(error.status).send({ error: { code: "tenants", message: error.message, fix: error.fix, ...tenantField } } satisfies ApiErrorBody);
    return;
  }
  if (error instanceof ActionInputError) {
    reply.status(400).send({ error: { code: "invalid_input", field: error.field, message: error.message } } satisfies ApiErrorBody);
    return;
  }
  if (error instanceof ActionRefused) {
    reply.status(error.status).send({ error: { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}), ...(error.field ? { field: error.field } : {}) } } satisfies ApiErrorBody);
    return;
  }
  if (error instanceof IdempotencyConflict) {
    reply.status(error.status).send({ error: { code: error.code, message: error.message } } satisfies ApiErrorBody);
    return;
  }
  if (error instanceof GraphRequestError) {
    const message = `Microsoft Graph answered ${error.status || "nothing"}: ${error.code}: ${error.message}`;
    reply.status(502).send({ error: { code: error.code, message, ...(error.requestId ? { graphRequestId: error.requestId } : {}) } } satisfies ApiErrorBody);
    return;
  }
  if (error.statusCode && error.statusCode < 500) {
    reply.status(error.statusCode).send({ error: { code: error.code ?? "bad_request", message: error.message } } satisfies ApiErrorBody);
    return;
  }
  if (isDatabaseUnavailable(error)) {
    log?.(`${request.method} ${request.url}: the database is not answering: ${error.message}`);
    reply.status(503).send({
      error: {
        code: "database_unavailable",
        message: "Tenantry's database is not answering, so the request may not have completed.",
        fix: "Once the database is back, send the same request again with the same Idempotency-Key: Tenantry answers with its outcome and never applies a change twice.",
      },
    } satisfies ApiErrorBody);
    return;
  }
  log?.(`${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
  reply.status(500).send({ error: { code: "internal", message: "Tenantry could not complete the request; the server log has the details." } } satisfies ApiErrorBody);
}
