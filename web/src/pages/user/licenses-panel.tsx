import type { UserPanelProps } from "./user-panel-props.ts";

export function LicensesPanel(_: UserPanelProps) {
  return null;
}
