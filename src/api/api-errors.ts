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

/** Bad input gets a 4xx naming the field and the reason; nothing internal leaks into an answer. */
export function handleApiError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, log?: (line: string) => void): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = issue?.instancePath ? issue.instancePath.replace(/^\//, "").replaceAll("/", ".") : (error.validationContext ?? "body");
    const body: ApiErrorBody = { error: { code: "invalid_input", field: where, message: `${where}: ${issue?.message ?? "invalid value"}` } };
    reply.status(400).send(body);
    return;
  }
  if (error instanceof TenantsError) {
    reply.status(error.status).send({ error: { code: "tenants", message: error.message, fix: error.fix } } satisfies ApiErrorBody);
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
