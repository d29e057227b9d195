import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.js';
import { validate } from '../../../functions/http/validation.js';
import {
  attachmentRequestSchema,
  caseRequestSchema,
  listCasesQuerySchema,
} from '../../../functions/schemas/case-request.js';
import { returnRequest } from '../../support/case-requests.js';

const detailsOf = (schema: Parameters<typeof validate>[0], value: unknown): string[] => {
  try {
    validate(schema, value, 'body');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details?.map((detail) => detail.path) ?? [];
  }
  throw new Error('expected a validation error');
};

describe('Schema: caseRequestSchema', () => {
  it('accepts the API.md example and fills defaults', () => {
    const { attachments: _a, channel: _c, ...minimal } = returnRequest();
    const parsed = validate(caseRequestSchema, minimal, 'body');
    expect(parsed.attachments).toEqual([]);
    expect(parsed.channel).toBe('web');
  });

  it.each([
    ['orderId', { orderId: '' }],
    ['orderedAt', { orderedAt: 'yesterday' }],
    ['deliveredAt', { deliveredAt: '2026-13-01T00:00:00Z' }],
    ['customer.email', { customer: { id: 'c', email: 'not-an-email', name: 'N', locale: 'en' } }],
    ['customer.locale', { customer: { id: 'c', email: 'a@b.co', name: 'N', locale: 'fr' } }],
    ['type', { type: 'teleport' }],
    ['items', { items: [] }],
    ['items.0.quantity', { items: [{ sku: 'A', name: 'A', category: 'c', quantity: 0, unitPrice: 1 }] }],
    ['items.0.unitPrice', { items: [{ sku: 'A', name: 'A', category: 'c', quantity: 1, unitPrice: -1 }] }],
    ['currency', { currency: 'yuan' }],
    ['currency', { currency: 'ZZZ' }],
    ['currency', { currency: 'RMB' }],
    ['description', { description: '   ' }],
    ['attachments.0', { attachments: ['../../etc/passwd'] }],
    ['severity', { severity: 'apocalyptic' }],
    ['urgency', { urgency: 'yesterday' }],
    ['channel', { channel: 'pigeon' }],
  ])('names %s when it is invalid', (path, override) => {
    expect(detailsOf(caseRequestSchema, { ...returnRequest(), ...override })).toContain(path);
  });

  it('lists every invalid field at once', () => {
    const paths = detailsOf(caseRequestSchema, { ...returnRequest(), orderId: '', type: 'x', currency: '1' });
    expect(paths).toEqual(expect.arrayContaining(['orderId', 'type', 'currency']));
  });

  it('rejects unknown fields, including a storeId smuggled in the body', () => {
    expect(detailsOf(caseRequestSchema, { ...returnRequest(), storeId: 'store-b' })).toContain('body');
  });

  it('rejects a delivery before the order and a repeated SKU', () => {
    const request = returnRequest();
    const paths = detailsOf(caseRequestSchema, {
      ...request,
      deliveredAt: '2020-01-01T00:00:00Z',
      items: [request.items[0], request.items[0]],
    });
    expect(paths).toEqual(expect.arrayContaining(['deliveredAt', 'items.1.sku']));
  });

  it('reports a missing body as the body', () => {
    expect(detailsOf(caseRequestSchema, undefined)).toEqual(['body']);
  });
});

describe('Schema: attachmentRequestSchema', () => {
  it.each([
    ['contentType', { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 }],
    ['size', { fileName: 'a.png', contentType: 'image/png', size: 10 * 1024 * 1024 + 1 }],
    ['size', { fileName: 'a.png', contentType: 'image/png', size: 0 }],
    ['fileName', { fileName: '', contentType: 'image/png', size: 1 }],
  ])('names %s when it is invalid', (path, body) => {
    expect(detailsOf(attachmentRequestSchema, body)).toContain(path);
  });

  it('accepts a 10 MB PDF', () => {
    expect(
      validate(
        attachmentRequestSchema,
        { fileName: 'a.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 },
        'body',
      ),
    ).toBeTruthy();
  });
});

describe('Schema: listCasesQuerySchema', () => {
  it('defaults the limit to 20 and caps it at 100', () => {
    expect(validate(listCasesQuerySchema, { customerId: 'c-1' }, 'query').limit).toBe(20);
    expect(detailsOf(listCasesQuerySchema, { customerId: 'c-1', limit: '101' })).toContain('limit');
    expect(detailsOf(listCasesQuerySchema, {})).toContain('customerId');
  });
});
