import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RouteHandler } from '../../../functions/http/route.js';
import { ROUTE_SCHEMAS } from '../../../functions/schemas/route-schemas.js';
import { ROUTES } from '../../../functions/wiring/routes.js';

/**
 * Each handler imports its own route's schemas (so its bundle carries no other route's); the OpenAPI document and the
 * API fuzz read `ROUTE_SCHEMAS`. The published contract is the enforced one only while the two are the same objects.
 */
const API_ROUTES = ROUTES.filter((route) => route.kind !== 'page');
const PARTS = ['body', 'query', 'path'] as const;

const handlerOf = async (file: string): Promise<RouteHandler> => {
  const url = pathToFileURL(`${process.cwd()}/functions/handlers/http/${file}.ts`).href;
  return ((await import(/* @vite-ignore */ url)) as { handler: RouteHandler }).handler;
};

describe('ROUTE_SCHEMAS: what each route handler validates', () => {
  it('has an entry for every API route and for no other name', () => {
    expect(Object.keys(ROUTE_SCHEMAS).sort()).toEqual(API_ROUTES.map((route) => route.name).sort());
  });

  it.each(API_ROUTES.map((route) => [route.name, route.handler]))(
    '%s validates with its ROUTE_SCHEMAS entry',
    async (name, file) => {
      const { schemas } = await handlerOf(file);
      const declared: Partial<Record<(typeof PARTS)[number], unknown>> =
        ROUTE_SCHEMAS[name as keyof typeof ROUTE_SCHEMAS];
      for (const part of PARTS) expect(schemas[part], `${name} ${part}`).toBe(declared[part]);
    },
  );
});
