/** What the user page gives each of its panels. */
export interface UserPanelProps {
  /** The tenant id. */
  readonly tenant: string;
  /** The user's object id. */
  readonly userId: string;
  /** Why the signed-in operator may not run an action on this user, or undefined when it may. */
  readonly refusalOf: (actionId: string) => string | undefined;
  /** Call after a change, so that the page reads the user again. */
  readonly onChanged: () => void;
}
