// Entra role actions are "namespace/entity[/subEntity]/[propertySet/]verb". A held action covers a required
// one when they are equal, or through Entra's wildcards: allEntities (any entity of the namespace),
// allProperties (any property set), allTasks (any task, as the last part).

const patterns = new Map<string, RegExp>();

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patternOf(held: string): RegExp {
  let pattern = patterns.get(held);
  if (pattern) return pattern;
  const parts = held.split("/");
  let source = literal(parts[0] ?? "");
  parts.slice(1).forEach((part, index, rest) => {
    if (part === "allTasks" && index === rest.length - 1) source += "/.+";
    else if (part === "allEntities") source += "/[^/]+(?:/[^/]+)*?";
    // Any property sets, or none: "users/allProperties/allTasks" covers "users/create" too.
    else if (part === "allProperties") source += "(?:/[^/]+)*?";
    else source += `/${literal(part)}`;
  });
  pattern = new RegExp(`^${source}$`);
  patterns.set(held, pattern);
  return pattern;
}

export function coversRoleAction(held: string, required: string): boolean {
  return held === required || patternOf(held).test(required);
}

/** Whether any held action covers the required one. */
export function holdsRoleAction(held: Iterable<string>, required: string): boolean {
  for (const action of held) if (coversRoleAction(action, required)) return true;
  return false;
}
