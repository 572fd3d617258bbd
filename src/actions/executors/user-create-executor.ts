// users.create: POST /users, refused beforehand when the user name is taken or its domain is not the tenant's.
import type { JsonObject, JsonValue } from "../../audit/audit-entry.ts";
import type { UsersCreateInput } from "../../catalog/actions/user-lifecycle-actions.ts";
import { GraphRequestError } from "../../graph/graph-errors.ts";
import { ActionRefused } from "../action-errors.ts";
import { type ActionContext, writeExecutor } from "../action-executor.ts";
import { generatePassword } from "../generated-password.ts";
import { type GraphUser, pick, readUser } from "./user-reads.ts";

interface CreatePlan {
  readonly userPrincipalName: string;
  /** Everything POST /users sets except the password. */
  readonly properties: JsonObject;
  readonly generated: boolean;
}

/** Graph treats these without regard to case (and upper-cases the usage location). */
const caseInsensitive = new Set(["userPrincipalName", "mailNickname", "usageLocation"]);

function same(property: string, expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (typeof expected === "string" && typeof actual === "string" && caseInsensitive.has(property)) return expected.toLowerCase() === actual.toLowerCase();
  return JSON.stringify(expected) === JSON.stringify(actual ?? null);
}

async function userOrUndefined(context: ActionContext, userRef: string, properties: readonly string[] = []): Promise<GraphUser | undefined> {
  return readUser(context, userRef, properties).catch((error: unknown) => {
    if (error instanceof GraphRequestError && error.status === 404) return undefined;
    throw error;
  });
}

async function refuseUnverifiedDomain(context: ActionContext, userPrincipalName: string): Promise<void> {
  const answer = await context.graph.get<{ value: { verifiedDomains: { name: string }[] }[] }>("/organization?$select=verifiedDomains");
  const domains = answer.body.value.flatMap((o) => o.verifiedDomains.map((d) => d.name));
  const domain = userPrincipalName.slice(userPrincipalName.lastIndexOf("@") + 1);
  if (domains.some((d) => d.toLowerCase() === domain.toLowerCase())) return;
  throw new ActionRefused({
    code: "domain_not_verified",
    field: "userPrincipalName",
    message: `${domain} is not a verified domain of ${context.tenant.tenantName}; its verified domains are ${domains.join(", ")}.`,
    fix: `Use one of ${domains.join(", ")} after the @, or add and verify ${domain} in the Entra admin center (Domain names) first.`,
  });
}

function propertiesOf(input: UsersCreateInput): JsonObject {
  const { password: _password, templateId: _templateId, forceChangePasswordNextSignIn: _force, ...properties } = input;
  return JSON.parse(JSON.stringify(properties)) as JsonObject;
}

export const createUser = writeExecutor<UsersCreateInput, CreatePlan>({
  async prepare(context, input) {
    const target = { kind: "user", display: input.userPrincipalName };
    await refuseUnverifiedDomain(context, input.userPrincipalName);
    const existing = await userOrUndefined(context, input.userPrincipalName);
    if (existing) {
      throw new ActionRefused({
        status: 409,
        code: "upn_taken",
        field: "userPrincipalName",
        target: { id: existing.id, kind: "user", display: existing.userPrincipalName },
        message: `${context.tenant.tenantName} already has a user ${existing.userPrincipalName}${existing.displayName ? ` (${existing.displayName})` : ""}.`,
        fix: "Choose another user principal name, or change the existing user instead of creating one.",
      });
    }
    return {
      target,
      before: { state: "absent" },
      plan: { userPrincipalName: input.userPrincipalName, properties: propertiesOf(input), generated: input.password.mode === "generate" },
    };
  },

  async apply(context, plan, input) {
    const password = input.password.mode === "custom" ? input.password.value : generatePassword();
    const created = await context.graph.send<{ id: string }>({
      method: "POST",
      path: "/users",
      body: { ...plan.properties, passwordProfile: { password, forceChangePasswordNextSignIn: input.forceChangePasswordNextSignIn } },
    });
    return { result: { id: created.body.id }, ...(plan.generated ? { secret: { password } } : {}) };
  },

  async check(context, plan, applied) {
    const names = Object.keys(plan.properties);
    const createdId = applied?.result?.id;
    const user = await userOrUndefined(context, typeof createdId === "string" ? createdId : plan.userPrincipalName, names);
    if (!user) return { applied: false, after: { state: "absent" }, difference: `no user ${plan.userPrincipalName} exists` };
    const wrong = names.filter((p) => !same(p, plan.properties[p]!, user[p]));
    // Also when Graph's answer to POST was lost and the runner found the user by reading it back.
    const lost = plan.generated && !applied?.secret;
    return {
      applied: wrong.length === 0,
      after: { state: "active", id: user.id, ...pick(user, names) },
      ...(wrong.length ? { difference: `${wrong.join(", ")} differ from the request` } : {}),
      ...(lost ? { warnings: ["The user was created, but its generated password was lost when Tenantry stopped and was never shown: reset the password."] } : {}),
    };
  },
});
