import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { DEFAULT_POLICY } from '../../../functions/domain/policy/store-policy.js';
import { createAgentBodySchema, policyBodySchema } from '../../../functions/schemas/admin-requests.js';
import { attachmentRequestSchema, caseRequestSchema } from '../../../functions/schemas/case-request.js';
import { cancelCaseBodySchema, customerMessageBodySchema } from '../../../functions/schemas/customer-requests.js';
import {
  noteBodySchema,
  reclassifyBodySchema,
  replyBodySchema,
  resolveBodySchema,
  retryWorkflowBodySchema,
  reviewBodySchema,
  revisitBodySchema,
} from '../../../functions/schemas/staff-requests.js';
import { storeProfileBodySchema } from '../../../functions/schemas/store-requests.js';
import { surveyAnswerSchema } from '../../../functions/schemas/survey-requests.js';
import { returnRequest } from '../../support/case-requests.js';

/** Every field a person types, with a valid body around it, and whether it may span lines. */
const storeProfile = {
  name: 'Store A',
  timezone: 'Asia/Shanghai',
  defaultLocale: 'zh-CN',
  supervisorEmails: ['lead@store-a.example'],
  adminEmails: ['admin@store-a.example'],
  caseNumberPrefix: 'AS',
  reviewReminderAfter: 'P1D',
  reopenWindow: 'P14D',
  awaitingCustomerReminderAfter: 'P2D',
  awaitingCustomerLimit: 'P7D',
};
const agent = {
  agentId: 'agent9',
  name: 'Wang Fang',
  email: 'agent9@store-a.example',
  skills: { types: ['return'], categories: ['appliances'], locales: ['zh-CN'] },
  maxOpenCases: 10,
  available: true,
  supervisorId: 'supervisor1',
};
const resolution = {
  resolution: { type: 'refund', amount: 199, currency: 'CNY', reference: 'RF-1' },
  rootCause: 'production_quality',
  summary: 'Refunded the kettle.',
};

type Field = [path: string, schema: z.ZodMiniType, body: unknown, lines: 'single' | 'multi'];
const field = (schemaName: string, ...rest: Field): [string, Field] => [`${schemaName} ${rest[0]}`, rest];
const FIELDS: Array<[string, Field]> = [
  field('caseRequestSchema', 'customer.name', caseRequestSchema, returnRequest(), 'single'),
  field('caseRequestSchema', 'items.0.name', caseRequestSchema, returnRequest(), 'single'),
  field('caseRequestSchema', 'items.0.category', caseRequestSchema, returnRequest(), 'single'),
  field('caseRequestSchema', 'description', caseRequestSchema, returnRequest(), 'multi'),
  field(
    'attachmentRequestSchema',
    'fileName',
    attachmentRequestSchema,
    { fileName: 'a.jpg', contentType: 'image/jpeg', size: 10 },
    'single',
  ),
  field('customerMessageBodySchema', 'body', customerMessageBodySchema, { body: 'Still leaking.' }, 'multi'),
  field('cancelCaseBodySchema', 'reason', cancelCaseBodySchema, { reason: 'Bought another.' }, 'multi'),
  field('replyBodySchema', 'body', replyBodySchema, { body: 'On it.' }, 'multi'),
  field('noteBodySchema', 'body', noteBodySchema, { body: 'Called them.' }, 'multi'),
  field('retryWorkflowBodySchema', 'note', retryWorkflowBodySchema, { note: 'Retry after the outage.' }, 'multi'),
  field('resolveBodySchema', 'summary', resolveBodySchema, resolution, 'multi'),
  field('resolveBodySchema', 'resolution.reference', resolveBodySchema, resolution, 'single'),
  field('reclassifyBodySchema', 'reason', reclassifyBodySchema, { severity: 'major', reason: 'Burn risk.' }, 'multi'),
  field('reviewBodySchema', 'reason', reviewBodySchema, { decision: 'approve', reason: 'Goodwill.' }, 'multi'),
  field('revisitBodySchema', 'note', revisitBodySchema, { outcome: 'ok', note: 'Fine now.' }, 'multi'),
  field('createAgentBodySchema', 'name', createAgentBodySchema, agent, 'single'),
  field('createAgentBodySchema', 'skills.categories.0', createAgentBodySchema, agent, 'single'),
  field('createAgentBodySchema', 'supervisorId', createAgentBodySchema, agent, 'single'),
  field(
    'policyBodySchema',
    'nonReturnableCategories.0',
    policyBodySchema,
    { ...DEFAULT_POLICY, nonReturnableCategories: ['food'] },
    'single',
  ),
  field('storeProfileBodySchema', 'name', storeProfileBodySchema, storeProfile, 'single'),
  field('surveyAnswerSchema', 'comment', surveyAnswerSchema, { overall: 5, comment: 'Great.' }, 'multi'),
];

const withAt = (value: unknown, path: string[], replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return value.map((inner, index) => (String(index) === head ? withAt(inner, rest, replacement) : inner));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withAt(record[head], rest, replacement) };
};

const issuesAt = (field: Field, text: string): string[] => {
  const [path, schema, body] = field;
  const result = schema.safeParse(withAt(body, path.split('.'), text));
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

/** Refused in every text field: no line break saves them. */
const REFUSED_EVERYWHERE: Array<[string, string]> = [
  ['a NUL', 'Li\u0000Lei'],
  ['a bell', 'Li\u0007'],
  ['an escape sequence', '\u001b[31mred'],
  ['a DEL', 'Li\u007f'],
  ['a C1 control (NEL)', 'Li\u0085Lei'],
  ['a lone high surrogate', 'Li\ud800'],
  ['a lone low surrogate', '\udfffLi'],
  ['a lone CR', 'Li\rLei'],
  ['only zero-width characters', '\u200b\u200c\u200d\u2060'],
  ['only a byte order mark and a soft hyphen', '\ufeff\u00ad'],
  ['only Hangul fillers', '\u3164\u115f'],
  ['only invisible and white space', ' \u200b \u00a0\u3000\u200b '],
  ['only bidi marks', '\u200e\u200f'],
  ['only a braille blank', '\u2800\u2800'],
  ['only combining marks', '\u0301\u0302'],
  ['only a variation selector', '\ufe0f'],
];

/** Refused where the text is one line (names, subjects, references), accepted in bodies. */
const REFUSED_IN_ONE_LINE: Array<[string, string]> = [
  ['the CRLF header injection', 'Li\r\nBcc: evil@x.com\r\nSubject: pwned'],
  ['a line feed', 'Li\nLei'],
  ['a tab', 'Li\tLei'],
  ['a line separator', 'Li\u2028Lei'],
  ['a paragraph separator', 'Li\u2029Lei'],
  ['a right-to-left override', 'Li\u202egnp.exe'],
  ['a left-to-right embedding', '\u202aLi\u202c'],
  ['a right-to-left isolate', '\u2067Li\u2069'],
  ['a first-strong isolate', '\u2068Li\u2069'],
];

const ACCEPTED_EVERYWHERE: Array<[string, string]> = [
  ['Chinese', '李雷'],
  ['Arabic with a right-to-left mark', 'مرحبا\u200f'],
  ['an emoji joined by ZWJ', 'Team 👩\u200d💻'],
  ['a flag and a keycap (variation selector)', '🇨🇳 1\ufe0f\u20e3'],
  ['combining accents on a letter', 'Zoe\u0308'],
  ['an astral character', '𠮷野家'],
  ['a no-break space inside', 'Li\u00a0Lei'],
];

const ACCEPTED_IN_BODIES: Array<[string, string]> = [
  ['line feeds', 'First line\nsecond line\n\nthird'],
  ['CRLF line breaks (a browser form)', 'First line\r\nsecond line'],
  ['tabs (pasted from a spreadsheet)', 'SKU\tQty\nKT-100\t1'],
];

describe('Schema: free text fields', () => {
  describe.each(FIELDS)('%s', (_name, field) => {
    it('accepts the valid body as it is', () => {
      expect(issuesAt(field, 'Plain text')).toEqual([]);
    });

    it.each(ACCEPTED_EVERYWHERE)('accepts %s', (_label, text) => {
      expect(issuesAt(field, text)).toEqual([]);
    });

    it.each(REFUSED_EVERYWHERE)('refuses %s, naming the field', (_label, text) => {
      expect(issuesAt(field, text)).toContain(field[0]);
    });

    it.each(REFUSED_IN_ONE_LINE)(`${field[3] === 'single' ? 'refuses' : 'accepts'} %s`, (_label, text) => {
      if (field[3] === 'single') expect(issuesAt(field, text)).toContain(field[0]);
      else expect(issuesAt(field, text)).toEqual([]);
    });

    it.each(ACCEPTED_IN_BODIES)(`${field[3] === 'single' ? 'refuses' : 'accepts'} %s`, (_label, text) => {
      if (field[3] === 'single') expect(issuesAt(field, text)).toContain(field[0]);
      else expect(issuesAt(field, text)).toEqual([]);
    });
  });
});
