import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/wiring/routes.js';
import { sharedSynth } from './shared-synth.js';
import { logicalIdOf, templateOf } from './synth.js';

/**
 * The page routes (`kind: 'page'`, the survey) as deployed: public methods that take browser form posts, so nothing
 * in API Gateway refuses a form before the function can answer it with a page.
 */
const synth = await sharedSynth();
const resources = templateOf(synth).Resources;

const pageRoutes = () => synth.stack.api.routes.filter(({ route }) => route.kind === 'page');

describe('Stack: page routes', () => {
  it('deploys every page route of the wiring', () => {
    expect(
      pageRoutes()
        .map(({ route }) => route.name)
        .sort(),
    ).toEqual(
      ROUTES.filter((route) => route.kind === 'page')
        .map((route) => route.name)
        .sort(),
    );
    expect(pageRoutes().length).toBeGreaterThan(0);
  });

  it('makes them public: no API key, no authorizer', () => {
    for (const { route, method } of pageRoutes()) {
      const props = resources[logicalIdOf(method)]!.Properties;
      expect(props.ApiKeyRequired, route.name).toBe(false);
      expect(props.AuthorizationType, route.name).toBe('NONE');
      expect(props.AuthorizerId, route.name).toBeUndefined();
      expect((props.Integration as { Type: string }).Type, route.name).toBe('AWS_PROXY');
    }
  });

  it('lets form posts through: no request model, a validator that checks the path only', () => {
    for (const { route, method } of pageRoutes()) {
      const props = resources[logicalIdOf(method)]!.Properties;
      expect(props.RequestModels, route.name).toBeUndefined();
      // The path's own parameters only (the survey's `token`; none for most console pages).
      const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => `method.request.path.${match[1]}`);
      expect(props.RequestParameters, route.name).toEqual(
        Object.fromEntries(pathParameters.map((parameter) => [parameter, true])),
      );
      const validatorId = (props.RequestValidatorId as { Ref: string }).Ref;
      expect(resources[validatorId]!.Properties, route.name).toMatchObject({
        ValidateRequestBody: false,
        ValidateRequestParameters: true,
      });
    }
  });

  it('sends no body of any type as binary, so a form post reaches the function as text', () => {
    const api = resources[logicalIdOf(synth.stack.api.restApi)]!.Properties;
    expect(api.BinaryMediaTypes).toBeUndefined();
  });

  it('keeps the JSON routes on the validator that checks bodies', () => {
    const jsonRoute = synth.stack.api.routes.find(({ route }) => route.name === 'createCase')!;
    const validatorId = (resources[logicalIdOf(jsonRoute.method)]!.Properties.RequestValidatorId as { Ref: string })
      .Ref;
    expect(resources[validatorId]!.Properties.ValidateRequestBody).toBe(true);
  });
});
