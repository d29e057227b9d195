/** Anything with an API Gateway style resource path (`/v1/cases/{caseId}`) and a method. */
export interface Routable {
  method: string;
  path: string;
}

export type RouteMatch<R> =
  | { kind: 'found'; route: R; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

type Segment = { literal: string } | { param: string };

interface Resource<R> {
  path: string;
  segments: Segment[];
  methods: Map<string, R>;
}

const segmentsOf = (path: string): string[] => {
  const parts = path.split('/').slice(1);
  // `/v1/cases/` is `/v1/cases`, as API Gateway treats it.
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts;
};

const parse = (path: string): Segment[] =>
  segmentsOf(path).map((part) => {
    const param = /^\{([^}]+)\}$/.exec(part)?.[1];
    return param === undefined ? { literal: part } : { param };
  });

/** Literal segments before parameters, left to right: `/v1/cases/search` wins over `/v1/cases/{caseId}`. */
const bySpecificity = <R>(a: Resource<R>, b: Resource<R>): number => {
  for (let i = 0; i < a.segments.length; i += 1) {
    const left = 'literal' in (a.segments[i] as Segment) ? 0 : 1;
    const right = 'literal' in (b.segments[i] as Segment) ? 0 : 1;
    if (left !== right) return left - right;
  }
  return 0;
};

/**
 * Matches requests the way API Gateway REST does: the most specific resource whose segments match the path (a
 * `{param}` matches one non-empty segment, URL-decoded), then the method on that resource only.
 */
export class Router<R extends Routable> {
  private readonly resources: Resource<R>[] = [];

  constructor(routes: readonly R[]) {
    for (const route of routes) {
      let resource = this.resources.find((candidate) => candidate.path === route.path);
      if (!resource) {
        resource = { path: route.path, segments: parse(route.path), methods: new Map() };
        this.resources.push(resource);
      }
      if (resource.methods.has(route.method)) throw new Error(`Duplicate route ${route.method} ${route.path}`);
      resource.methods.set(route.method, route);
    }
  }

  match(method: string, pathname: string): RouteMatch<R> {
    const parts = segmentsOf(pathname);
    const candidates: Array<{ resource: Resource<R>; params: Record<string, string> }> = [];
    for (const resource of this.resources) {
      const params = this.paramsOf(resource, parts);
      if (params) candidates.push({ resource, params });
    }
    candidates.sort((a, b) => bySpecificity(a.resource, b.resource));
    const best = candidates[0];
    if (!best) return { kind: 'not_found' };
    const route = best.resource.methods.get(method);
    if (!route) return { kind: 'method_not_allowed', allowed: [...best.resource.methods.keys()] };
    return { kind: 'found', route, params: best.params };
  }

  private paramsOf(resource: Resource<R>, parts: string[]): Record<string, string> | undefined {
    if (resource.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (const [i, segment] of resource.segments.entries()) {
      const part = parts[i] as string;
      if ('literal' in segment) {
        if (segment.literal !== part) return undefined;
        continue;
      }
      if (part === '') return undefined;
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        return undefined; // malformed percent-encoding: no resource has this path
      }
    }
    return params;
  }
}
