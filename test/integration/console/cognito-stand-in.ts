import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * A stand-in for Cognito's side of managed login, over real HTTP: the user pool domain's `/oauth2/token` (one-use
 * codes bound to a PKCE challenge, a client and a redirect URI, as Cognito checks them) and the pool's JWKS, with ID
 * tokens signed by a key made here with jose. A test double of AWS, not of the product: the product's adapter talks
 * to it exactly as to Cognito.
 */
export const REGION = 'eu-west-1';
export const POOL_ID = `${REGION}_TestPool1`;
export const OTHER_POOL_ID = `${REGION}_OtherPool2`;
export const CLIENT_ID = 'console-client-1';
export const issuerOf = (poolId: string) => `https://cognito-idp.${REGION}.amazonaws.com/${poolId}`;

interface Grant {
  challenge: string;
  clientId: string;
  redirectUri: string;
  idToken: string;
  used: boolean;
}

export interface CognitoStandIn {
  url: string;
  /** The JWKS cache the adapter uses: the pool's JWKS URL, fetched from this server instead of AWS. */
  jwksCache: SimpleJwksCache;
  /**
   * What the managed login page does once the user signed in: a code for this authorize URL's challenge, whose token
   * carries these claims (overrides, e.g. another `aud`, `iss` or `exp`).
   */
  signIn(authorizeUrl: string, claims?: JWTPayload): Promise<string>;
  tokenRequests: number;
  close(): Promise<void>;
}

export const staffClaims = {
  sub: 'sub-agent-1',
  email: 'agent1@shop-a.example',
  name: 'Agent One',
  'cognito:groups': ['agent'],
  'cognito:username': 'agent1',
  'custom:storeId': 'store-a',
  'custom:agentId': 'agent-1',
};

export const startCognitoStandIn = async (): Promise<CognitoStandIn> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  let tokenRequests = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET' && url.pathname.endsWith('/.well-known/jwks.json')) {
        return reply(200, { keys: [jwk] });
      }
      if (request.method !== 'POST' || url.pathname !== '/oauth2/token') return reply(404, { error: 'not_found' });
      tokenRequests += 1;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const grant = grants.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const valid =
        form.get('grant_type') === 'authorization_code' &&
        grant !== undefined &&
        !grant.used &&
        grant.clientId === form.get('client_id') &&
        grant.redirectUri === form.get('redirect_uri') &&
        createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      if (grant) grant.used = true; // Cognito's codes are one-use, whatever the outcome.
      if (!valid) return reply(400, { error: 'invalid_grant' });
      return reply(200, { id_token: grant.idToken, access_token: 'unused', token_type: 'Bearer', expires_in: 3600 });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The verifier asks for https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json: served here.
  const fetcher: Fetcher = {
    fetch: async (uri) => {
      const local = uri.replace(`https://cognito-idp.${REGION}.amazonaws.com`, url);
      return (await fetch(local)).arrayBuffer();
    },
  };

  return {
    url,
    jwksCache: new SimpleJwksCache({ fetcher }),
    get tokenRequests() {
      return tokenRequests;
    },
    async signIn(authorizeUrl, claims = {}) {
      const query = new URL(authorizeUrl).searchParams;
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({
        ...staffClaims,
        token_use: 'id',
        auth_time: now,
        iss: issuerOf(POOL_ID),
        aud: query.get('client_id') ?? '',
        iat: now,
        exp: now + 3600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .sign(privateKey);
      const code = randomBytes(16).toString('hex');
      grants.set(code, {
        challenge: query.get('code_challenge') ?? '',
        clientId: query.get('client_id') ?? '',
        redirectUri: query.get('redirect_uri') ?? '',
        idToken,
        used: false,
      });
      return code;
    },
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
};
