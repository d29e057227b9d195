import fc from 'fast-check';
import * as z from 'zod';

/**
 * fast-check arbitraries of the values a zod schema accepts, from its JSON Schema (`z.toJSONSchema`, the same document
 * the OpenAPI publishes): objects (required and optional keys, records), enums, strings with lengths, patterns and
 * formats, integers and numbers with bounds and `multipleOf`, arrays, booleans, unions. Refinements are not in the JSON
 * Schema, so a generated value may still be refused (a 400): what the fuzz needs is the shape, and the refusal.
 * (`zod-fast-check` does this from the zod types, but supports zod 3 and fast-check 3 only; this project has zod 4 and
 * fast-check 4.)
 */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  description?: string;
  default?: unknown;
}

/** Text people type, in every script the service meets, with the characters that break naive code. */
export const NASTY_STRINGS = [
  'مرحبا بالعالم', // right-to-left
  '\u202Egnp.exe', // right-to-left override
  'שלום\u200F', // Hebrew and a right-to-left mark
  '退货 🧯 火', // CJK, an emoji (a surrogate pair)
  '\ud800', // a lone high surrogate
  'tail\udfff', // a lone low surrogate
  'zero\u0000byte',
  'e\u0301\u0301\u0301', // combining marks
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\n\t  ',
  '#',
  'CASE#cs_x',
  'Li\r\nBcc: evil@x.com\r\nSubject: pwned', // CRLF: a header injection through a name
  'bell\u0007 esc\u001b[31m del\u007f nel\u0085', // C0 and C1 controls
  '\u200b\u200c\u200d\u2060\ufeff', // only zero-width and format characters
  '\u3164\u00a0\u3000\u2800', // only fillers and blanks that look like nothing
  'line\u2028separator', // a line break to many renderers
  '\u2066isolate\u2069 \u202aembedding\u202c', // bidi isolates and embeddings
];

const textArbitrary = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 40) }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 40) }) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    )
    .filter((value) => value.length >= min && value.length <= max);

/** Strings whose meaning the JSON Schema only describes (durations, timezones, clock times, dates). */
const byDescription = (description: string): fc.Arbitrary<string> | undefined => {
  if (/ISO 8601 duration/i.test(description)) {
    return fc.constantFrom(
      ...['PT0S', 'PT1S', 'PT30M', 'PT1H', 'PT4H', 'P1D', 'P2D', 'P366D', 'P1W', 'PT-1H', 'P1Y', 'bogus'],
      // Out of bounds: counts that would never end, and zeros in disguise.
      ...['PT99999999999999999999H', 'P10000D', 'P400D', 'PT0.0001S', 'PT0.001S'],
    );
  }
  if (/IANA timezone/i.test(description)) {
    return fc.constantFrom('Asia/Shanghai', 'UTC', 'Europe/Berlin', 'Mars/Olympus', 'Asia/Shanghai\u0000');
  }
  if (/HH:MM/.test(description)) return fc.constantFrom('09:00', '18:00', '00:00', '24:00', '25:61', '9:0');
  if (/YYYY-MM-DD/.test(description)) return fc.constantFrom('2026-12-25', '2026-02-30', '1900-01-01', 'yesterday');
  return undefined;
};

const stringArbitrary = (schema: JsonSchema): fc.Arbitrary<string> => {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const described = schema.description ? byDescription(schema.description) : undefined;
  if (described) return described;
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern), { size: 'small' })
      .filter((value) => value.length >= min && value.length <= max);
  }
  return textArbitrary(min, max);
};

/** Numbers at the edges of what JavaScript and DynamoDB hold (DynamoDB refuses 1e-300 and 1e308). */
const EDGE_NUMBERS = [1e-300, 5e-324, 1e308, -1e308, -0, Number.MAX_SAFE_INTEGER + 2, 1e21, 2 ** 64];

/** A number the schema's bounds allow, or now and then one at the edges (refused with a 4xx, never a 5xx). */
const numberArbitrary = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 6, arbitrary: boundedNumberArbitrary(schema, integer) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  );

const boundedNumberArbitrary = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : -1_000_000);
  const max = Math.min(schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000, 1_000_000_000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (schema.multipleOf) {
    const step = schema.multipleOf;
    return fc
      .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
      .map((n) => Number((n * step).toFixed(2)));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

const objectArbitrary = (schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> => {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fixed = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, fromJsonSchema(property)])),
    { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) },
  );
  if (typeof schema.additionalProperties !== 'object') return fixed;
  const keys = schema.propertyNames ? (fromJsonSchema(schema.propertyNames) as fc.Arbitrary<string>) : fc.string();
  const extra = fc.dictionary(keys, fromJsonSchema(schema.additionalProperties), { maxKeys: 3 });
  return fc.tuple(fixed, extra).map(([known, more]) => ({ ...more, ...known }));
};

/** An arbitrary of the values a JSON Schema (as zod writes it) describes. */
export const fromJsonSchema = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map(fromJsonSchema));
  if (schema.allOf?.length) return fromJsonSchema(Object.assign({}, ...schema.allOf) as JsonSchema);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectArbitrary(schema);
    case 'array':
      return fc.array(schema.items ? fromJsonSchema(schema.items) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** The JSON Schema of what a zod schema accepts as input (defaults make keys optional). */
export const jsonSchemaOf = (schema: z.core.$ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Values a zod schema's shape accepts. */
export const arbitraryOf = (schema: z.core.$ZodType): fc.Arbitrary<unknown> => fromJsonSchema(jsonSchemaOf(schema));
