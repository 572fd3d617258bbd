import type { JsonObject, JsonValue } from "../../audit/audit-entry.ts";
import { type ActionId, actionIds } from "../../catalog/action-ids.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, type AnyExecutor, writeExecutor } from "../action-executor.ts";
import { guardAdminTarget } from "../guards/admin-target-guard.ts";
import { refuseOnPremisesMastered } from "../guards/synced-user-guard.ts";
import { readManagerOf } from "../reads/user-details.ts";
import { pick, readUser, userTarget } from "./user-reads.ts";

interface PropertiesPlan {
  readonly userId: string;
  /** Sent in one PATCH; null clears a property. */
  readonly changes: JsonObject;
  /** The manager's object id, null to remove the manager; absent when the manager does not change. */
  readonly managerId?: string | null;
}

/** Properties Graph compares without regard to case. */
const caseInsensitive = new Set(["userPrincipalName", "usageLocation", "mailNickname"]);

function same(property: string, expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (typeof expected === "string" && typeof actual === "string" && caseInsensitive.has(property)) return expected.toLowerCase() === actual.toLowerCase();
  return JSON.stringify(expected ?? null) === JSON.stringify(actual ?? null);
}

async function resolveManager(context: ActionContext, managerRef: string, userId: string): Promise<{ id: string; userPrincipalName: string }> {
  const manager = await readUser(context, managerRef).catch((error: unknown) => {
    if (error instanceof GraphRequestError && error.status === 404) {
      throw new ActionRefused({ status: 422, code: "manager_not_found", field: "changes.manager", message: `No user ${managerRef} exists in ${context.tenant.tenantName} to be the manager.`, fix: "Give the manager's user principal name or object id in the same tenant." });
    }
    throw error;
  });
  if (manager.id === userId) throw new ActionRefused({ code: "manager_is_self", field: "changes.manager", message: "A user cannot be their own manager." });
  return { id: manager.id, userPrincipalName: manager.userPrincipalName };
}

/** PATCH /users/{id} with some properties, and the manager when asked; verified by reading every one back. */
function propertiesExecutor() {
  return writeExecutor<{ userId: string; changes: Readonly<Record<string, unknown>> }, PropertiesPlan>({
    async prepare(context, input) {
      const { manager: managerChange, ...patch } = input.changes as { manager?: string | null } & Record<string, JsonValue>;
      const properties = Object.keys(patch);
      const user = await readUser(context, input.userId, properties);
      const target = userTarget(user);
      refuseOnPremisesMastered(user, [...properties, ...(managerChange !== undefined ? ["manager"] : [])], target);
      await guardAdminTarget(context, user.id, target, properties);
      const before = pick(user, properties);
      let managerId: string | null | undefined;
      if (managerChange !== undefined) {
        const current = await readManagerOf(context, user.id);
        before.manager = current?.userPrincipalName ?? null;
        managerId = managerChange === null ? null : (await resolveManager(context, managerChange, user.id)).id;
      }
      return { target, before, plan: { userId: user.id, changes: patch, ...(managerId !== undefined ? { managerId } : {}) } };
    },

    async apply(context, plan) {
      if (Object.keys(plan.changes).length > 0) await context.graph.send({ method: "PATCH", path: `/users/${plan.userId}`, body: plan.changes });
      if (plan.managerId === null) {
        await context.graph.send({ method: "DELETE", path: `/users/${plan.userId}/manager/$ref` }).catch((error: unknown) => {
          if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
        });
      } else if (plan.managerId) {
        await context.graph.send({ method: "PUT", path: `/users/${plan.userId}/manager/$ref`, body: { "@odata.id": `${context.tenant.graphUrl}/v1.0/users/${plan.managerId}` } });
      }
      return {};
    },

    async check(context, plan) {
      const properties = Object.keys(plan.changes);
      const user = await readUser(context, plan.userId, properties);
      const after = pick(user, properties);
      const wrong = properties.filter((p) => !same(p, plan.changes[p]!, user[p]));
      if (plan.managerId !== undefined) {
        const manager = await readManagerOf(context, plan.userId);
        after.manager = manager?.userPrincipalName ?? null;
        if ((manager?.id ?? null) !== plan.managerId) wrong.push("manager");
      }
      return { applied: wrong.length === 0, after, ...(wrong.length ? { difference: `${wrong.join(", ")} differ from the request` } : {}) };
    },
  });
}

export const userPropertyExecutors: readonly [ActionId, AnyExecutor][] = [
  [actionIds.usersUpdateProperties, propertiesExecutor()],
  [actionIds.usersUpdatePhones, propertiesExecutor()],
  [actionIds.usersUpdateOtherMails, propertiesExecutor()],
];
