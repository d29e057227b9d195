import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SURVEY_COMMENT_MAX_LENGTH, SURVEY_DIMENSIONS } from '../../../functions/domain/aftercare/survey.js';
import { PAGE_CSP, PAGE_STYLESHEET } from '../../../functions/pages/page-layout.js';
import { localeFromAcceptLanguage, PAGE_WORDS } from '../../../functions/pages/page-words.js';
import { renderGone, renderNotFound, renderSurveyForm, renderThanks } from '../../../functions/pages/survey-page.js';
import type { SurveyPageContext } from '../../../functions/use-cases/survey/survey-link.js';

const page = (locale: SurveyPageContext['locale']): SurveyPageContext => ({
  locale,
  storeName: 'Kettles & Co <b>"best"</b>',
  caseNumber: 'AS-20261122-0001',
  expiresAt: '2026-12-06T10:00:00.000Z',
});

/** The `<tag ...>` whose attributes include `needle`, e.g. `id="overall-4"`. */
const tagWith = (html: string, needle: string): string => {
  const found = html.match(new RegExp(`<[a-z]+[^>]*${needle}[^>]*>`));
  if (!found) throw new Error(`No tag with ${needle}`);
  return found[0];
};

describe('Survey page: the form', () => {
  it.each(['zh-CN', 'en'] as const)('is a whole %s document: lang, viewport, one stylesheet, no script', (locale) => {
    const html = renderSurveyForm({ page: page(locale), ratings: {} });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(html).toContain(PAGE_WORDS[locale].title);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|\son[a-z]+=|style="/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('asks every dimension in its own fieldset and legend, 1 to 5 each with a label; only overall is required', () => {
    const html = renderSurveyForm({ page: page('en'), ratings: {} });
    expect(html.match(/<fieldset/g)).toHaveLength(SURVEY_DIMENSIONS.length);
    expect(html.match(/<legend>/g)).toHaveLength(SURVEY_DIMENSIONS.length);
    for (const dimension of SURVEY_DIMENSIONS) {
      expect(html).toContain(PAGE_WORDS.en.dimensions[dimension]);
      for (const value of [1, 2, 3, 4, 5]) {
        const radio = tagWith(html, `id="${dimension}-${value}"`);
        expect(radio).toContain(`name="${dimension}"`);
        expect(radio).toContain(`value="${value}"`);
        expect(radio.includes(' required'), `${dimension}-${value}`).toBe(dimension === 'overall');
        expect(html).toContain(`<label for="${dimension}-${value}">`);
      }
    }
    expect(html).toContain(`maxlength="${SURVEY_COMMENT_MAX_LENGTH}"`);
    expect(html).toContain('<label class="block" for="comment">');
    expect(html).toContain('<button type="submit">');
  });

  it('posts back to its own URL with a relative action (the API has a stage prefix in AWS)', () => {
    const form = tagWith(renderSurveyForm({ page: page('en'), ratings: {} }), 'method="post"');
    expect(form).toContain('action=""');
  });

  it('preselects the rating given (the quick links) and nothing else', () => {
    const html = renderSurveyForm({ page: page('zh-CN'), ratings: { overall: 4 } });
    expect(tagWith(html, 'id="overall-4"')).toContain(' checked');
    expect(html.match(/ checked/g)).toHaveLength(1);
  });

  it('escapes every value: store name, case number and the comment sent', () => {
    const html = renderSurveyForm({
      page: { ...page('en'), caseNumber: '<i>AS-1</i>' },
      ratings: {},
      comment: '</textarea><script>alert(1)</script>',
    });
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>AS-1');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Kettles &amp; Co &lt;b&gt;&quot;best&quot;&lt;/b&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
  });

  it('shows each error next to its field, tied to it with aria-describedby and aria-invalid, and keeps the values', () => {
    const words = PAGE_WORDS['zh-CN'].errors;
    const html = renderSurveyForm({
      page: page('zh-CN'),
      ratings: { speed: 2 },
      comment: '很好',
      errors: { overall: words.overall, comment: words.comment(SURVEY_COMMENT_MAX_LENGTH) },
    });
    const overall = html.slice(html.indexOf('<fieldset'), html.indexOf('</fieldset>'));
    expect(tagWith(overall, 'aria-invalid="true"')).toMatch(/aria-describedby="[^"]*overall-error/);
    expect(overall).toContain(`<p class="error" id="overall-error">${words.overall}</p>`);
    const textarea = tagWith(html, 'id="comment"');
    expect(textarea).toContain('aria-invalid="true"');
    expect(textarea).toMatch(/aria-describedby="[^"]*comment-error/);
    expect(html).toContain('id="comment-error"');
    expect(html).toContain('>很好</textarea>');
    expect(tagWith(html, 'id="speed-2"')).toContain(' checked');
    expect(html).toContain('role="alert"');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });
});

describe('Survey page: the other pages', () => {
  it.each(['zh-CN', 'en'] as const)('thanks, says why a link is gone and that one is unknown, in %s', (locale) => {
    const words = PAGE_WORDS[locale];
    expect(renderThanks(page(locale))).toContain(`<h1>${words.thanksTitle}</h1>`);
    expect(renderThanks(page(locale))).toContain('Kettles &amp; Co');
    for (const reason of ['answered', 'expired', 'void'] as const) {
      const html = renderGone(page(locale), reason);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(words.gone[reason]);
    }
    expect(renderNotFound(locale)).toContain(`<h1>${words.notFoundTitle}</h1>`);
  });

  it('picks the language of a page without a case from Accept-Language, Chinese by default', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr-FR')).toBe('zh-CN');
    expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
  });
});

describe('Survey page: Content-Security-Policy', () => {
  it("allows exactly the page's own stylesheet, by its hash, and nothing else", () => {
    const hash = createHash('sha256').update(PAGE_STYLESHEET).digest('base64');
    expect(PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    for (const directive of [
      "default-src 'none'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "img-src 'none'",
    ]) {
      expect(PAGE_CSP).toContain(directive);
    }
    expect(PAGE_CSP).not.toMatch(/script-src|unsafe-inline|https?:/);
  });

  it('hashes the very text inside the <style> element of every page', () => {
    const html = renderSurveyForm({ page: page('en'), ratings: {} });
    const inline = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
  });
});
