import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "../api/api-client.ts";

/** An error as Tenantry explained it: what happened, and the fix when there is one. A refusal may be a warning. */
export function ErrorBar({ error, title, intent = "error" }: { readonly error: unknown; readonly title?: string; readonly intent?: "error" | "warning" }) {
  const detail = error instanceof ApiError ? error.detail : { message: error instanceof Error ? error.message : String(error), fix: undefined, field: undefined };
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {detail.message}
        {detail.fix ? <div>{detail.fix}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
