import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { AuditEntry } from "../../api/audit.ts";

const colours: Record<AuditEntry["outcome"], BadgeProps["color"]> = { requested: "informative", succeeded: "success", failed: "danger", denied: "warning" };
const labels: Record<AuditEntry["outcome"], string> = { requested: "Requested", succeeded: "Succeeded", failed: "Failed", denied: "Denied" };

export function outcomeLabel(outcome: AuditEntry["outcome"]): string {
  return labels[outcome];
}

export function OutcomeBadge({ outcome }: { readonly outcome: AuditEntry["outcome"] }) {
  return (
    <Badge appearance="tint" color={colours[outcome]}>
      {labels[outcome]}
    </Badge>
  );
}
