import type { CaseType, Locale, ResolutionType } from '../domain/case.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import type { EmailTemplate, Renderers } from './email-template.js';
import { en } from './en.js';
import { caseLinkBlock, emailRenderers } from './layouts.js';
import { renderContent, type EmailContent, type RenderedEmail } from './render.js';
import type { EmailWording } from './wording.js';
import { zhCN } from './zh-cn.js';

/** One entry per locale: a missing locale fails to compile. */
const WORDING: Record<Locale, EmailWording> = { 'zh-CN': zhCN, en };

/* Built at module scope; marked pure so a bundle that imports this module but sends no email drops every template. */
const RENDERERS: Record<Locale, Renderers> = {
  'zh-CN': /* @__PURE__ */ emailRenderers(zhCN, 'zh-CN'),
  en: /* @__PURE__ */ emailRenderers(en, 'en'),
};

/** The request type as a customer reads it, e.g. `return` -> `退货` / `Return`. */
export const caseTypeLabel = (type: CaseType, locale: Locale): string => WORDING[locale].caseTypes[type];

/** The outcome as a customer reads it, e.g. `replacement` -> `补发新品` / `Replacement sent`. */
export const resolutionTypeLabel = (type: ResolutionType, locale: Locale): string =>
  WORDING[locale].resolutionTypes[type];

/** The SLA milestone as staff read it mid-sentence, e.g. `firstResponse` -> `首次响应` / `first response`. */
export const slaMilestoneLabel = (milestone: SlaMilestone, locale: Locale): string =>
  WORDING[locale].slaMilestones[milestone];

/**
 * Renders one email in the given locale: subject (with the case number), plain text, and HTML with every value escaped.
 * `caseUrl` (staff emails): the case's page in the staff console, a button at the end (its address in the text part).
 */
export const renderEmail = (
  template: EmailTemplate,
  locale: Locale,
  { caseUrl }: { caseUrl?: string | undefined } = {},
): RenderedEmail => {
  // The renderer picked by `template.kind` takes exactly that kind; TypeScript cannot correlate the two by itself.
  const render = RENDERERS[locale][template.kind] as (template: EmailTemplate) => EmailContent;
  const content = render(template);
  return renderContent(
    caseUrl ? { ...content, blocks: [...content.blocks, caseLinkBlock(WORDING[locale], caseUrl)] } : content,
    locale,
  );
};

export type { RenderedEmail } from './render.js';
export type { EmailKind, EmailTemplate, TemplateOf } from './email-template.js';
