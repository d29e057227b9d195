import type { Locale } from '../domain/case.js';
import { asOneLine } from '../domain/text-rules.js';

/**
 * An email as content blocks, rendered once to plain text and once to HTML, so both parts always say the same things.
 * Every string here is plain text: the HTML renderer escapes all of it.
 */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  /** Someone's own words (a reply, a reason), kept as written, line breaks included. */
  | { kind: 'quote'; text: string }
  /** The email's one call to action: a button in HTML, its address under it for clients that block buttons. */
  | { kind: 'action'; label: string; url: string; fallback: string }
  /**
   * Shortcuts into the action, each opening its page with a choice made (`title` says which), in the HTML part only:
   * as text they would be a wall of addresses, and the action's address does the same.
   */
  | { kind: 'shortcuts'; intro: string; links: { label: string; title: string; url: string }[] };

export interface EmailContent {
  subject: string;
  /** Opening line, e.g. "Dear Li Lei," (omitted for internal notices). */
  greeting?: string;
  blocks: EmailBlock[];
  /** Closing line(s), e.g. the team's name. */
  signoff: string;
  /** Small print under a rule. */
  footer: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/** Header-safe subject: one line, no control characters (a name with a newline must not add a line). */
const oneLine = (value: string): string => asOneLine(value).replace(/\s+/g, ' ');

/**
 * Every block but a quote is one line in both parts, whatever its values hold: a stored name or reference with CR/LF
 * (written before the input rules) would otherwise start a line of its own in the text part ("Bcc: ..."). Only a quote,
 * someone's own words, keeps its line breaks.
 */
const oneLineBlock = (block: EmailBlock): EmailBlock => {
  switch (block.kind) {
    case 'paragraph':
      return { ...block, text: asOneLine(block.text) };
    case 'list':
      return { ...block, items: block.items.map(asOneLine) };
    case 'facts':
      return {
        ...block,
        rows: block.rows.map((row) => ({ label: asOneLine(row.label), value: asOneLine(row.value) })),
      };
    case 'quote':
      // Line breaks stay, as LF (a lone CR is one too); other control characters become spaces.
      return { ...block, text: block.text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, ' ') };
    case 'action':
      return { ...block, label: asOneLine(block.label), fallback: asOneLine(block.fallback) };
    case 'shortcuts':
      return {
        ...block,
        intro: asOneLine(block.intro),
        links: block.links.map((link) => ({ ...link, label: asOneLine(link.label), title: asOneLine(link.title) })),
      };
  }
};

const factSeparator = (locale: Locale): string => (locale === 'zh-CN' ? '：' : ': ');

const blockToText = (block: EmailBlock, locale: Locale): string | undefined => {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'facts':
      return block.rows.map((row) => `${row.label}${factSeparator(locale)}${row.value}`).join('\n');
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
    case 'action':
      return `${block.label}${factSeparator(locale)}${block.url}`;
    case 'shortcuts':
      return undefined;
  }
};

const STYLE = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  card:
    'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2933;' +
    "font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.6;",
  paragraph: 'margin:0 0 16px 0;',
  list: 'margin:0 0 16px 0;padding-left:20px;',
  item: 'margin:0 0 4px 0;',
  facts: 'border-collapse:collapse;margin:0 0 16px 0;',
  factLabel: 'padding:4px 16px 4px 0;color:#52606d;vertical-align:top;white-space:nowrap;',
  factValue: 'padding:4px 0;font-weight:600;',
  quote: 'margin:0 0 16px 0;padding:8px 16px;border-left:3px solid #cbd2d9;background:#f5f7fa;color:#323f4b;',
  button:
    'display:inline-block;padding:10px 24px;border-radius:6px;background:#1d4ed8;color:#ffffff;font-weight:600;' +
    'text-decoration:none;',
  fallback: 'margin:0 0 16px 0;color:#52606d;font-size:13px;word-break:break-all;',
  fallbackLink: 'color:#1d4ed8;',
  shortcut:
    'display:inline-block;min-width:36px;margin:0 8px 8px 0;padding:6px 0;border:1px solid #1d4ed8;border-radius:6px;' +
    'color:#1d4ed8;font-weight:600;text-align:center;text-decoration:none;',
  footer: 'margin:24px 0 0 0;padding-top:12px;border-top:1px solid #e4e7eb;color:#7b8794;font-size:12px;',
} as const;

const multiline = (value: string): string => value.split(/\r?\n/).map(escapeHtml).join('<br>');

/** Escaping keeps markup out of an href but not a `javascript:` address: only web addresses are linked. */
const webAddress = (url: string): string => {
  if (!/^https?:\/\/\S+$/i.test(url)) throw new RangeError('Not a web address');
  return escapeHtml(url);
};

const anchor = (url: string, style: string, label: string, title?: string): string =>
  `<a href="${webAddress(url)}"${title === undefined ? '' : ` title="${escapeHtml(title)}"`} style="${style}">` +
  `${escapeHtml(label)}</a>`;

const blockToHtml = (block: EmailBlock): string => {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.paragraph}">${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul style="${STYLE.list}">${block.items
        .map((item) => `<li style="${STYLE.item}">${escapeHtml(item)}</li>`)
        .join('')}</ul>`;
    case 'facts':
      return `<table role="presentation" style="${STYLE.facts}">${block.rows
        .map(
          (row) =>
            `<tr><td style="${STYLE.factLabel}">${escapeHtml(row.label)}</td>` +
            `<td style="${STYLE.factValue}">${escapeHtml(row.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'quote':
      return `<blockquote style="${STYLE.quote}">${multiline(block.text)}</blockquote>`;
    case 'action':
      return (
        `<p style="${STYLE.paragraph}">${anchor(block.url, STYLE.button, block.label)}</p>` +
        `<p style="${STYLE.fallback}">${escapeHtml(block.fallback)} ${anchor(block.url, STYLE.fallbackLink, block.url)}</p>`
      );
    case 'shortcuts':
      return (
        `<p style="${STYLE.paragraph}">${escapeHtml(block.intro)}</p><p style="${STYLE.paragraph}">` +
        block.links.map((link) => anchor(link.url, STYLE.shortcut, link.label, link.title)).join('') +
        '</p>'
      );
  }
};

/** A block with nothing to show (no text, items or rows): it is dropped from both parts alike. */
export const isEmptyBlock = (block: EmailBlock): boolean => {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return block.text.trim() === '';
    case 'list':
      return block.items.length === 0;
    case 'facts':
      return block.rows.length === 0;
    case 'action':
      return block.url.trim() === '';
    case 'shortcuts':
      return block.links.length === 0;
  }
};

/** Renders content to the three parts of an email. */
export const renderContent = (content: EmailContent, locale: Locale): RenderedEmail => {
  const blocks = content.blocks.map(oneLineBlock).filter((block) => !isEmptyBlock(block));
  const subject = oneLine(content.subject);
  const greeting = content.greeting === undefined ? undefined : asOneLine(content.greeting);
  const signoff = asOneLine(content.signoff);

  const text = [
    ...(greeting ? [greeting] : []),
    ...blocks.flatMap((block) => blockToText(block, locale) ?? []),
    signoff,
    `--\n${content.footer}`,
  ].join('\n\n');

  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="${STYLE.body}"><div style="${STYLE.card}">` +
    (greeting ? `<p style="${STYLE.paragraph}">${escapeHtml(greeting)}</p>` : '') +
    blocks.map(blockToHtml).join('') +
    `<p style="${STYLE.paragraph}">${escapeHtml(signoff)}</p>` +
    `<p style="${STYLE.footer}">${multiline(content.footer)}</p>` +
    `</div></body></html>`;

  return { subject, text: `${text}\n`, html };
};
