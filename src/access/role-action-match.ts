// Entra role actions are "namespace/entity/propertySet/verb" (or "namespace/entity/verb"). A held action
// covers a required one when they are equal, or through Entra's wildcards: allProperties/allTasks (every
// task on the entity), allProperties/read and allProperties/update (every read or update of it),
// allEntities/... (everything in the namespace).

export function coversRoleAction(held: string, required: string): boolean {
  if (held === required) return true;
  const [namespace, entity, ...rest] = held.split("/");
  if (!namespace || !entity) return false;
  if (entity === "allEntities") return required.startsWith(`${namespace}/`);
  if (!required.startsWith(`${namespace}/${entity}/`)) return false;
  const wildcard = rest.join("/");
  if (wildcard === "allProperties/allTasks") return true;
  if (wildcard === "allProperties/read") return required.endsWith("/read");
  if (wildcard === "allProperties/update") return required.endsWith("/update");
  return false;
}

/** Whether any held action covers the required one. */
export function holdsRoleAction(held: Iterable<string>, required: string): boolean {
  for (const action of held) if (coversRoleAction(action, required)) return true;
  return false;
}
