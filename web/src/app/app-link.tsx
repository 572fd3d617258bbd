import { Link } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useLocation } from "wouter";

/** A link to another page of the console: followed in place, without loading the console again. */
export function AppLink({ href, className, children }: { readonly href: string; readonly className?: string; readonly children: ReactNode }) {
  const [, navigate] = useLocation();
  return (
    <Link
      className={className}
      href={href}
      onClick={(event) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Link>
  );
}
