import { Link } from "@fluentui/react-components";
import { Fragment } from "react";

const webAddress = /https?:\/\/[^\s]+[^\s.,;:)]/g;

/** A fix as Tenantry wrote it, with the addresses in it (such as the admin consent page) as real links. */
export function FixText({ text, linkLabel }: { readonly text: string; readonly linkLabel: string }) {
  const parts: { at: number; text: string; href?: string }[] = [];
  let from = 0;
  for (const match of text.matchAll(webAddress)) {
    parts.push({ at: from, text: text.slice(from, match.index) });
    parts.push({ at: match.index, text: match[0], href: match[0] });
    from = match.index + match[0].length;
  }
  parts.push({ at: from, text: text.slice(from) });
  return (
    <>
      {parts.map((part) =>
        part.href ? (
          <Link key={part.at} href={part.href} target="_blank" rel="noreferrer" title={part.href}>
            {linkLabel}
          </Link>
        ) : (
          <Fragment key={`text-${part.at}`}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
