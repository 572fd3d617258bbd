// A new user from a template: users.create with the template's defaults, then its licences and groups, each
// step its own run of the action runner (checked, journalled and audited), keyed from the caller's key so that
// a retry repeats nothing that already happened.
import { createHash } from "node:crypto";
import type { AuditActor, JsonObject } from "../audit/audit-entry.ts";
import { type ActionId, actionIds } from "../catalog/action-ids.ts";
import { GraphRequestError } from "../graph/graph-errors.ts";
import { ActionInputError, ActionRefused, IdempotencyConflict } from "./action-errors.ts";
import type { ActionRun, ActionRunState } from "./action-run.ts";
import { type ActionRunner, parseInput, type RunnerAccess } from "./action-runner.ts";
import { type TemplatePerson, templatePerson, type UserTemplate } from "./user-template-schema.ts";
import type { UserTemplatesStore } from "./user-templates-store.ts";

export interface OnboardingDependencies {
  readonly runner: Pick<ActionRunner, "run">;
  readonly templates: Pick<UserTemplatesStore, "get">;
  /** Where a step's unexpected error is reported; the answer says only that the step did not run. */
  readonly log?: (line: string) => void;
}

export interface OnboardingRequest {
  /** Tenant id or one of its domains. */
  readonly tenant: string;
  readonly templateName: string;
  /** Checked against `templatePerson`. */
  readonly person: unknown;
  readonly actor: AuditActor;
  readonly access: RunnerAccess;
  /** Each step's key is derived from it; a retry with the same key returns the first outcome of every step. */
  readonly idempotencyKey: string;
}

/** A step that ran has its run; one that did not says why: skipped after a failed creation, or not run (an error before any run). */
export interface OnboardingStep {
  readonly action: ActionId;
  readonly state: ActionRunState | "skipped" | "not-run";
  readonly run?: ActionRun;
  readonly replayed?: boolean;
  readonly error?: { readonly code: string; readonly message: string; readonly fix?: string; readonly field?: string };
}

export interface Onboarding {
  readonly template: { readonly id: string; readonly name: string };
  readonly userPrincipalName: string;
  readonly userId: string | null;
  /** succeeded: every step; partial: the user exists but a later step did not succeed; failed: no user was created. */
  readonly state: "succeeded" | "partial" | "failed";
  readonly steps: readonly OnboardingStep[];
  /** The generated password, in the first answer only. */
  readonly secret?: JsonObject;
}

/** Keys stay within the journal's 128 characters: a long parent key is replaced by its hash. */
function stepKey(parent: string, step: string): string {
  const base = parent.length <= 80 ? parent : createHash("sha256").update(parent).digest("hex");
  return `${base}#${step}`;
}

function templateNotFound(name: string): ActionRefused {
  return new ActionRefused({ status: 404, code: "template_not_found", field: "templateName", message: `There is no user template named ${name}.`, fix: "List the templates (GET /api/user-templates) or create this one first." });
}

function createInput(template: UserTemplate, person: TemplatePerson): { userPrincipalName: string; input: Record<string, unknown> } {
  if (person.userPrincipalName === undefined && template.domain === undefined) {
    throw new ActionInputError("alias", `The template ${template.name} has no domain; give the full userPrincipalName instead of an alias.`);
  }
  const userPrincipalName = person.userPrincipalName ?? `${person.alias}@${template.domain}`;
  const input = {
    templateId: template.name,
    userPrincipalName,
    displayName: person.displayName,
    mailNickname: person.mailNickname ?? userPrincipalName.slice(0, userPrincipalName.lastIndexOf("@")),
    password: person.password,
    ...(person.givenName ? { givenName: person.givenName } : {}),
    ...(person.surname ? { surname: person.surname } : {}),
    ...template.properties,
    ...(template.usageLocation ? { usageLocation: template.usageLocation } : {}),
    ...(template.accountEnabled !== undefined ? { accountEnabled: template.accountEnabled } : {}),
    ...(template.forceChangePasswordNextSignIn !== undefined ? { forceChangePasswordNextSignIn: template.forceChangePasswordNextSignIn } : {}),
  };
  return { userPrincipalName, input };
}

function stepError(error: unknown, action: ActionId, log: ((line: string) => void) | undefined): NonNullable<OnboardingStep["error"]> {
  if (error instanceof ActionRefused) return { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}), ...(error.field ? { field: error.field } : {}) };
  if (error instanceof ActionInputError) return { code: "invalid_input", message: error.message, field: error.field };
  if (error instanceof IdempotencyConflict || error instanceof GraphRequestError) return { code: error.code, message: error.message };
  log?.(`user onboarding: ${action} did not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { code: "internal", message: `Tenantry could not run ${action}; the server log has the details.` };
}

export async function createUserFromTemplate(deps: OnboardingDependencies, request: OnboardingRequest): Promise<Onboarding> {
  const person = parseInput(templatePerson, request.person);
  const template = await deps.templates.get(request.templateName);
  if (!template) throw templateNotFound(request.templateName);
  const { userPrincipalName, input } = createInput(template, person);
  const base = { tenant: request.tenant, actor: request.actor, access: request.access };
  const later: { action: ActionId; input: Record<string, unknown>; key: string }[] = [];

  const created = await deps.runner.run({ ...base, action: actionIds.usersCreate, input, idempotencyKey: stepKey(request.idempotencyKey, "create") });
  if (created.kind !== "write") throw new Error("users.create answered as a read.");
  const createdId = created.run.result?.id ?? created.run.after?.id;
  const userId = created.run.state === "succeeded" && typeof createdId === "string" ? createdId : null;
  if (template.licenses.length > 0) later.push({ action: actionIds.licensesAssignUser, input: { add: template.licenses }, key: "licences" });
  for (const groupId of template.groups) later.push({ action: actionIds.groupsAddMember, input: { groupId }, key: `group-${groupId}` });

  const steps: OnboardingStep[] = [{ action: actionIds.usersCreate, state: created.run.state, run: created.run, replayed: created.replayed }];
  for (const step of later) {
    if (userId === null) {
      steps.push({ action: step.action, state: "skipped" });
      continue;
    }
    const stepInput = step.action === actionIds.groupsAddMember ? { ...step.input, memberId: userId } : { userId, ...step.input };
    try {
      const answer = await deps.runner.run({ ...base, action: step.action, input: stepInput, idempotencyKey: stepKey(request.idempotencyKey, step.key) });
      if (answer.kind !== "write") throw new Error(`${step.action} answered as a read.`);
      steps.push({ action: step.action, state: answer.run.state, run: answer.run, replayed: answer.replayed });
    } catch (error) {
      steps.push({ action: step.action, state: "not-run", error: stepError(error, step.action, deps.log) });
    }
  }

  const state = userId === null ? "failed" : steps.every((s) => s.state === "succeeded") ? "succeeded" : "partial";
  return { template: { id: template.id, name: template.name }, userPrincipalName, userId, state, steps, ...(created.secret ? { secret: created.secret } : {}) };
}
