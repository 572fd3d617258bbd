import type { ActionId } from "../../catalog/action-ids.ts";
import type { AnyExecutor } from "../action-executor.ts";

export const licenseExecutors: readonly [ActionId, AnyExecutor][] = [];
