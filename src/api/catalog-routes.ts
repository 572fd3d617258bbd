import { z } from "zod";
import { onPremisesMasteredBy } from "../catalog/action-user-properties.ts";
import { catalog } from "../catalog/catalog.ts";
import { cloudMasteredUserProperties } from "../catalog/user-property-permissions.ts";
import { errorSchema } from "./api-schemas.ts";
import type { ZodApp } from "./zod-app.ts";

export const catalogActionSchema = z.object({
  id: z.string().max(64),
  title: z.string().max(200),
  description: z.string().max(2000),
  kind: z.enum(["read", "write"]),
  module: z.string().max(64),
  input: z.record(z.string().max(64), z.unknown()).describe("the action's input (the route's body) as JSON Schema, as a caller sends it"),
  onPremisesMastered: z
    .array(z.string().max(64))
    .readonly()
    .describe("for a user synced from on-premises Active Directory: the properties this action would change that Active Directory masters, which Microsoft refuses to change in the cloud"),
});

export const catalogAnswerSchema = z.object({
  value: z.array(catalogActionSchema).readonly(),
  cloudMasteredUserProperties: z.array(z.string().max(64)).readonly().describe("the user properties a synced user keeps mastered in the cloud"),
});

export type CatalogAnswer = z.infer<typeof catalogAnswerSchema>;

/** The catalog never changes while Tenantry runs: described once. */
function describeCatalog(): CatalogAnswer {
  return {
    value: catalog.map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description,
      kind: action.kind,
      module: action.module,
      input: z.toJSONSchema(action.input, { io: "input" }) as Record<string, unknown>,
      onPremisesMastered: onPremisesMasteredBy(action),
    })),
    cloudMasteredUserProperties,
  };
}

/** Every catalog action with its input as JSON Schema: what the console builds its forms from. */
export function registerCatalogRoutes(app: ZodApp): void {
  const answer = describeCatalog();
  app.get(
    "/api/actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Every action Tenantry can run, with its input as JSON Schema and what a synced user's on-premises directory masters",
        response: { 200: catalogAnswerSchema, 401: errorSchema },
      },
    },
    async () => answer,
  );
}
