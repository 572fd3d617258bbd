import type { AccessCheck } from "../access/access-check.ts";
import { errorSchema } from "./api-schemas.ts";
import { checkAnswerSchema, checkBody } from "./access-schemas.ts";
import { accessOf } from "./request-caller.ts";
import type { ZodApp } from "./zod-app.ts";

/** Would an operator be allowed an action in a tenant, on a target, and why: a Platform Administrator may ask about anyone, an operator about itself. */
export function registerAccessCheckRoute(app: ZodApp, check: AccessCheck): void {
  app.post(
    "/api/access/check",
    {
      schema: {
        tags: ["access"],
        summary: "Decide, as the action runner would, whether an operator may run an action in a tenant on a target, and why",
        description: "Nothing is changed. For password resets and sensitive actions on a target, the target's admin roles are read from Graph and Microsoft's tables applied.",
        body: checkBody,
        response: { 200: checkAnswerSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 502: errorSchema },
      },
    },
    async (request) => check({ caller: accessOf(request), ...request.body }),
  );
}
