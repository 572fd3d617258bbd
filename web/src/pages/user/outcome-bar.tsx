import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { RunOutcome } from "../../api/user-action-run.ts";

const intents = { succeeded: "success", requested: "info", refused: "warning", invalid: "error", failed: "error" } as const;
const titles = { succeeded: "Done", requested: "Sent", refused: "Refused", invalid: "Check the input", failed: "Failed" } as const;

/** How the last action went: done, refused with why and what to do, or Graph's error with its request id. */
export function OutcomeBar({ outcome }: { readonly outcome: RunOutcome | undefined }) {
  return (
    <div aria-live="polite">
      {outcome ? (
        <MessageBar intent={intents[outcome.state]} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{titles[outcome.state]}</MessageBarTitle>
            {outcome.message}
            {outcome.fix ? <div>{outcome.fix}</div> : null}
            {outcome.graphRequestId ? <div>Microsoft Graph request id: {outcome.graphRequestId}</div> : null}
            {outcome.warnings.map((warning) => (
              <div key={warning}>{warning}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
