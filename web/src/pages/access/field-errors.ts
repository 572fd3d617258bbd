import { ApiError } from "../../api/api-client.ts";

/** The API's message when its error names this field (or a part of it, "scope.tenant" for "scope"). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.detail.field) return undefined;
  const named = error.detail.field;
  if (named !== field && !named.startsWith(`${field}.`)) return undefined;
  return error.detail.fix ? `${error.detail.message} ${error.detail.fix}` : error.detail.message;
}

/** Whether the error names one of the form's fields, so that it shows there and not in a bar above. */
export function isFieldError(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => fieldError(error, field) !== undefined);
}
