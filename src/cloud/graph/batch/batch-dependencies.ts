import { invalidDependency, mixedSequentialAndParallel } from "./batch-errors.ts";
import type { BatchStep } from "./batch-request-parser.ts";

/**
 * Checks `dependsOn` as Graph does. A request may depend only on requests placed before it (ids compared without
 * regard to case), so an unknown id, a request depending on itself or a cycle is an invalid dependency. And a batch
 * is either fully parallel (no request depends on another) or fully sequential (every request after the first
 * depends on an earlier one); a mix of the two is refused.
 * Because dependencies point backwards, the order of the requests is an order that satisfies them.
 */
export function checkDependencies(steps: readonly BatchStep[]): void {
  const earlier = new Set<string>();
  for (const step of steps) {
    if (step.dependsOn.some((id) => !earlier.has(id.toLowerCase()))) throw invalidDependency(step.id);
    earlier.add(step.id.toLowerCase());
  }
  const sequential = steps.some((step) => step.dependsOn.length > 0);
  if (sequential && steps.slice(1).some((step) => step.dependsOn.length === 0)) throw mixedSequentialAndParallel();
}
