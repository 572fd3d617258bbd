import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "../api/api-client.ts";

/** An error as Tenantry explained it: what happened, and the fix when there is one. */
export function ErrorBar({ error, title }: { readonly error: unknown; readonly title?: string }) {
  const detail = error instanceof ApiError ? error.detail : { message: error instanceof Error ? error.message : String(error), fix: undefined, field: undefined };
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {detail.message}
        {detail.fix ? <div>{detail.fix}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
