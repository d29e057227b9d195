/**
 * What text a person may send: the character rules behind every name, subject and body field. Pure, so the schemas,
 * the renderers and their tests share one reading of "a control character" or "nothing visible".
 */

/** One line (names, subjects, references) or a body that may span lines (descriptions, messages, notes). */
export type TextLines = 'single' | 'multi';

/**
 * C0 and C1 controls. A body keeps line feeds, CR only before a line feed (browsers send CRLF) and tabs (text pasted
 * from a spreadsheet or a log): everything else breaks a log line, an email header or a terminal.
 */
const SINGLE_LINE_CONTROL = /[\p{Cc}]/u;
const MULTI_LINE_CONTROL = /[\0-\b\v\f\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;

/** A surrogate on its own (not half of a pair): no character at all, and refused by UTF-8 encoders downstream. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Line and paragraph separators: line breaks to most renderers, so not in one-line text. */
const LINE_SEPARATOR = /[\u2028\u2029]/;

/** Bidi embeddings, overrides and isolates: they reorder what a reader sees (`Li\u202Egnp.exe`). Names only. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Characters that show nothing on their own: white space, format characters (zero-width space and joiners, bidi
 * marks, the byte order mark, soft hyphen), other default-ignorables (Hangul fillers, variation selectors), controls,
 * combining marks with no letter to sit on, and the blank braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\u2800]/gu;

export const TEXT_PROBLEMS = {
  loneSurrogate: 'Not valid Unicode: a lone surrogate',
  control: 'No control characters',
  lineBreak: 'One line: no line breaks, tabs or other control characters',
  bidi: 'No bidirectional override, embedding or isolate characters (U+202A to U+202E, U+2066 to U+2069)',
  invisible: 'Must contain visible characters, not only white space or invisible ones',
} as const;

/** Why `text` may not be sent as `lines` text, or undefined when it may. The first problem found is enough. */
export const textProblem = (text: string, lines: TextLines): string | undefined => {
  if (LONE_SURROGATE.test(text)) return TEXT_PROBLEMS.loneSurrogate;
  if (lines === 'single') {
    if (SINGLE_LINE_CONTROL.test(text) || LINE_SEPARATOR.test(text)) return TEXT_PROBLEMS.lineBreak;
    if (BIDI_CONTROL.test(text)) return TEXT_PROBLEMS.bidi;
  } else if (MULTI_LINE_CONTROL.test(text)) {
    return TEXT_PROBLEMS.control;
  }
  if (text.replace(INVISIBLE, '') === '') return TEXT_PROBLEMS.invisible;
  return undefined;
};

/**
 * A stored value shown where one line is expected (an email's greeting, a subject, a table cell): every control
 * character and line separator becomes one space, so data written before these rules cannot add a line or a header.
 */
export const asOneLine = (text: string): string =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
