import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import { SignInRefusedError, type ManagedLogin } from '../../ports/console-sessions.js';

export interface CognitoManagedLoginOptions {
  /** The user pool domain, e.g. `https://care-shop.auth.eu-west-1.amazoncognito.com`. */
  domainUrl: string;
  userPoolId: string;
  /** The console's public app client (no secret). */
  clientId: string;
  /** `<consoleBaseUrl>/console/auth/callback`, as registered on the client. */
  callbackUrl: string;
  /** Where `/logout` sends the browser (a sign-out URL registered on the client). */
  logoutRedirectUrl: string;
  /** Where the pool's signing keys are fetched from; the pool's own JWKS URL when absent (tests serve their own). */
  jwksCache?: JwksCache;
  /** Bounds the token request (a Lambda has 10 s). */
  timeoutMs?: number;
}

const TOKEN_TIMEOUT_MS = 5_000;
/** A token response is a few KB; more is not read. */
const MAX_TOKEN_RESPONSE_CHARS = 64_000;

/**
 * Cognito managed login as an OAuth 2.0 public client: the authorize URL, the code exchange at `/oauth2/token` (PKCE's
 * `code_verifier` instead of a secret) and the ID token's verification with `aws-jwt-verify` (the pool's issuer and
 * keys, this client as audience, `token_use: id`, not expired).
 */
export class CognitoManagedLogin implements ManagedLogin {
  private readonly verifier;

  constructor(private readonly options: CognitoManagedLoginOptions) {
    this.verifier = CognitoJwtVerifier.create(
      { userPoolId: options.userPoolId, clientId: options.clientId, tokenUse: 'id' },
      options.jwksCache ? { jwksCache: options.jwksCache } : undefined,
    );
  }

  authorizeUrl({ state, codeChallenge }: { state: string; codeChallenge: string }): string {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.callbackUrl,
      scope: 'openid email profile',
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    });
    return `${this.options.domainUrl}/oauth2/authorize?${query.toString()}`;
  }

  async redeemCode({ code, codeVerifier }: { code: string; codeVerifier: string }): Promise<Record<string, unknown>> {
    const idToken = await this.exchange(code, codeVerifier);
    try {
      return { ...(await this.verifier.verify(idToken)) };
    } catch (error) {
      throw new SignInRefusedError('The ID token is not one of this user pool and client', 'invalid_token', {
        cause: error,
      });
    }
  }

  logoutUrl(): string {
    const query = new URLSearchParams({ client_id: this.options.clientId, logout_uri: this.options.logoutRedirectUrl });
    return `${this.options.domainUrl}/logout?${query.toString()}`;
  }

  private async exchange(code: string, codeVerifier: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.options.domainUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: this.options.clientId,
          code,
          redirect_uri: this.options.callbackUrl,
          code_verifier: codeVerifier,
        }).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? TOKEN_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new SignInRefusedError('The user pool could not be reached', 'exchange_failed', { cause: error });
    }
    const text = await response.text();
    if (!response.ok) {
      // Cognito answers 400 `invalid_grant` for a used, expired or foreign code or a wrong verifier.
      throw new SignInRefusedError(`The user pool refused the code (${response.status})`, 'exchange_failed');
    }
    const idToken = idTokenOf(text);
    if (!idToken) throw new SignInRefusedError('The token response holds no ID token', 'exchange_failed');
    return idToken;
  }
}

const idTokenOf = (text: string): string | undefined => {
  if (text.length > MAX_TOKEN_RESPONSE_CHARS) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const token =
      typeof parsed === 'object' && parsed !== null ? (parsed as { id_token?: unknown }).id_token : undefined;
    return typeof token === 'string' && token.length > 0 ? token : undefined;
  } catch {
    return undefined;
  }
};
