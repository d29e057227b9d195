import { escapeHtml } from '../functions/email/render.js';
import type { OutboxEmail } from './outbox-mailer.js';

const PAGE_STYLE = `
body { margin: 0; padding: 24px; background: #f4f5f7; color: #1f2933;
  font-family: -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', Helvetica, Arial, sans-serif; }
h1 { margin: 0 0 16px; font-size: 22px; }
.empty { color: #52606d; }
article { background: #fff; border: 1px solid #e4e7eb; border-radius: 6px; padding: 16px; margin: 0 0 16px; }
h2 { margin: 0 0 8px; font-size: 17px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; font-size: 14px; }
dt { color: #52606d; }
dd { margin: 0; word-break: break-all; }
details { margin: 8px 0 0; }
summary { cursor: pointer; color: #2563eb; }
pre { white-space: pre-wrap; background: #f8fafc; border: 1px solid #e4e7eb; padding: 12px; margin: 8px 0 0; }
iframe { width: 100%; height: 480px; border: 1px solid #e4e7eb; margin: 8px 0 0; background: #fff; }
`;

/** Where one email's HTML is served on its own (`GET /_local/outbox/{id}.html`), for the page's frames. */
export const outboxEmailPath = (id: string): string => `/_local/outbox/${encodeURIComponent(id)}.html`;

/**
 * The headers of one email's HTML: its own CSP, which sandboxes it (an opaque origin, no scripts, no forms) and allows
 * no fetch but inline styles and data: images, whoever opens it, framed or not.
 */
export const OUTBOX_EMAIL_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const renderTags = (tags: Record<string, string>): string =>
  Object.entries(tags)
    .map(([name, value]) => `${escapeHtml(name)}=${escapeHtml(value)}`)
    .join(', ');

const renderEmail = (email: OutboxEmail): string => {
  const tags = renderTags(email.tags ?? {});
  return `<article id="${escapeHtml(email.id)}">
<h2>${escapeHtml(email.subject)}</h2>
<dl>
<dt>Sent</dt><dd><time datetime="${escapeHtml(email.sentAt)}">${escapeHtml(email.sentAt)}</time></dd>
<dt>To</dt><dd>${escapeHtml(email.to.join(', '))}</dd>
${tags ? `<dt>Tags</dt><dd>${tags}</dd>\n` : ''}<dt>Id</dt><dd>${escapeHtml(email.id)}</dd>
</dl>
<details><summary>Text</summary><pre>${escapeHtml(email.text)}</pre></details>
<details open><summary>HTML</summary><iframe sandbox="" referrerpolicy="no-referrer" title="${escapeHtml(email.subject)}" src="${escapeHtml(outboxEmailPath(email.id))}"></iframe></details>
</article>`;
};

/**
 * The local outbox as one HTML page, newest first as given. Every value is escaped; each email's HTML is framed from its
 * own URL (`outboxEmailPath`) in a sandboxed iframe (no scripts, no same-origin access), and served with a CSP of its own
 * (`OUTBOX_EMAIL_HEADERS`). Not a `srcdoc` frame: Chromium showed those blank under this page's CSP.
 */
export const renderOutboxPage = (emails: readonly OutboxEmail[]): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'">
<title>Outbox (${emails.length})</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>Outbox: ${emails.length} email${emails.length === 1 ? '' : 's'}</h1>
${emails.length === 0 ? '<p class="empty">No emails sent yet.</p>' : emails.map(renderEmail).join('\n')}
</body>
</html>
`;
