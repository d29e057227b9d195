import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../functions/http/openapi.js';
import { ROUTES } from '../../../functions/wiring/routes.js';

/** Loosely typed on purpose: the test asserts on the document's shape. */

const survey = (): any => buildOpenApiDocument(ROUTES).paths['/survey/{token}'];

describe('OpenAPI: the survey page routes', () => {
  it('declares the token path parameter and the quick-link preselection of the GET', () => {
    const names = (survey().get.parameters as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`);
    expect(names.sort()).toEqual(['path:token', 'query:overall']);
    expect(survey().post.parameters).toEqual([expect.objectContaining({ name: 'token', in: 'path', required: true })]);
  });

  it('takes the answer as a form post or JSON, overall required, unknown fields refused', () => {
    const { content } = survey().post.requestBody;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(content['application/json'].schema).toMatchObject({ required: ['overall'], additionalProperties: false });
  });

  it('answers with HTML pages, or JSON for a client that asks for it; public, no API key', () => {
    const { get, post } = survey();
    expect(get.security).toEqual([]);
    expect(Object.keys(get.responses['200'].content)).toEqual(['text/html']);
    expect(Object.keys(post.responses['200'].content).sort()).toEqual(['application/json', 'text/html']);
    for (const status of ['400', '404', '410', '413', '415']) {
      expect(Object.keys(post.responses[status].content).sort(), status).toEqual(['application/json', 'text/html']);
    }
    expect(post.responses['401']).toBeUndefined();
  });
});
