import { Card, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({ card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL } });

/** A titled part of the user page. */
export function UserSection({ title, className, children }: { readonly title: string; readonly className?: string; readonly children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card className={`${styles.card} ${className ?? ""}`} role="region" aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {title}
      </Subtitle2>
      {children}
    </Card>
  );
}
