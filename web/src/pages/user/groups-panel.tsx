import type { UserPanelProps } from "./user-panel-props.ts";

export function GroupsPanel(_: UserPanelProps) {
  return null;
}
