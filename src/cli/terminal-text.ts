function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Text for a terminal: control characters (other than line breaks) dropped, since names come from customer tenants. */
export function terminalText(text: string): string {
  return [...text].filter((c) => c === "\n" || !isControl(c.charCodeAt(0))).join("");
}
