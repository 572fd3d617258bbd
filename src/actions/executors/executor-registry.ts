import type { ActionId } from "../../catalog/action-ids.ts";
import type { AnyExecutor } from "../action-executor.ts";
import { groupExecutors } from "./group-executors.ts";
import { licenseExecutors } from "./license-executors.ts";
import { readExecutors } from "./read-executors.ts";
import { userAccountExecutors } from "./user-account-executors.ts";
import { userLifecycleExecutors } from "./user-lifecycle-executors.ts";
import { userPropertyExecutors } from "./user-property-executors.ts";

/** What each catalog action does when it runs, by action id. */
export const executors: ReadonlyMap<ActionId, AnyExecutor> = new Map([
  ...readExecutors,
  ...userPropertyExecutors,
  ...userAccountExecutors,
  ...userLifecycleExecutors,
  ...licenseExecutors,
  ...groupExecutors,
]);
