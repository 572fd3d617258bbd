import type { CloudResponse } from "../http/cloud-request.ts";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function hiddenInputs(params: URLSearchParams, except: readonly string[]): string {
  return [...params]
    .filter(([name]) => !except.includes(name))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}

/** A plain page in the spirit of Microsoft's sign-in screens; `body` must already be escaped. */
export function page(title: string, body: string, status = 200): CloudResponse {
  return {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Frame-Options": "DENY" },
    body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;display:flex;justify-content:center;padding-top:8vh}
main{background:#fff;width:440px;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}label{display:block;margin:12px 0 4px}
input[type=text],input[type=password],input[type=email]{width:100%;box-sizing:border-box;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px}
button{background:#0067b8;color:#fff;border:0;padding:8px 24px;margin:24px 8px 0 0;font-size:15px;cursor:pointer}
button.secondary{background:#ccc;color:#000}.error{color:#e81123}ul{padding-left:20px}.brand{color:#737373;font-size:13px;margin-bottom:16px}
</style></head><body><main><div class="brand">Tenantry local cloud</div>
${body}
</main></body></html>`,
  };
}

export function redirect(location: string): CloudResponse {
  return { status: 302, headers: { Location: location, "Cache-Control": "no-store" } };
}

export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
