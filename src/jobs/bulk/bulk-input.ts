// How a bulk job builds each item's input from the catalog action's own schema: the property its targets go
// in, and where a CSV column goes (beside it, or inside `changes`).
import { z } from "zod";
import type { JsonObject } from "../../audit/audit-entry.ts";
import type { ActionDefinition } from "../../catalog/action-definition.ts";
import { ActionInputError } from "../../actions/action-errors.ts";

/** Input properties that name the object an action works on, in the order they are chosen. */
const targetFields = ["userId", "memberId", "groupId"] as const;
export type TargetField = (typeof targetFields)[number];

export interface BulkInputShape {
  readonly targetField: TargetField;
  /** The CSV column holding the targets. */
  readonly targetColumn: "user" | "group";
  /** Where a CSV column's value goes; undefined for a column the action does not take. */
  placeOf(column: string): "input" | "changes" | undefined;
  /** The columns the action takes, for messages. */
  readonly columns: readonly string[];
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : undefined;
}

/**
 * The shape of a bulk job over this action with this template: the first target property the action takes
 * and the template leaves open. Refused (naming the field) when the action is a read or has no such property.
 */
export function bulkInputShape(definition: ActionDefinition, template: JsonObject): BulkInputShape {
  const shape = shapeOf(definition.input);
  if (definition.kind !== "write" || !shape) {
    throw new ActionInputError("action", `${definition.id} changes nothing; a bulk job runs an action that makes a change.`);
  }
  const targetField = targetFields.find((field) => field in shape && !(field in template));
  if (!targetField) {
    throw new ActionInputError("action", `${definition.id} does not act on an existing user or group, so it cannot run over a selection of them.`);
  }
  const changes = shapeOf(shape.changes);
  const own = Object.keys(shape).filter((key) => key !== targetField && key !== "changes");
  const inChanges = changes ? Object.keys(changes) : [];
  return {
    targetField,
    targetColumn: targetField === "groupId" ? "group" : "user",
    placeOf: (column) => (inChanges.includes(column) ? "changes" : own.includes(column) ? "input" : undefined),
    columns: [...inChanges, ...own.filter((key) => !inChanges.includes(key))],
  };
}

/** The template with the target and the row's columns in their places; an empty cell leaves a property as the template has it. */
export function itemInput(shape: BulkInputShape, template: JsonObject, target: string, columns: Readonly<Record<string, string>> = {}): JsonObject {
  const input: JsonObject = { ...template, [shape.targetField]: target };
  for (const [column, value] of Object.entries(columns)) {
    if (value === "") continue;
    if (shape.placeOf(column) === "changes") {
      const changes = typeof input.changes === "object" && input.changes !== null && !Array.isArray(input.changes) ? input.changes : {};
      input.changes = { ...changes, [column]: value };
    } else if (shape.placeOf(column) === "input") {
      input[column] = value;
    }
  }
  return input;
}
