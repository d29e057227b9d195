/** What console sessions are made of outside the HTTP layer: the key that signs session cookies and CSRF tokens. */
export interface ConsoleSessions {
  /** The HMAC key (at least 32 bytes) that signs the session cookie and its CSRF token; read once per process. */
  sessionKey(): Promise<Uint8Array>;
  /**
   * Where staff sign in: the user pool's managed login in AWS; absent in the local stack, whose own routes serve
   * `/console/sign-in` (a list of the seeded users, `local/console-sign-in.ts`).
   */
  managedLogin?: ManagedLogin;
  /**
   * The console's address as the browser sees it (`consoleBaseUrl` context, e.g. `https://care.shop.example` or an API
   * stage URL ending in `/prod`): redirects are built from it, since a bare `/console/...` path loses the stage.
   * Absent locally (the console is at the server's root).
   */
  consoleBaseUrl?: string;
}

/** The user pool's managed login (OAuth 2.0 authorization code with PKCE, a public client: no secret). */
export interface ManagedLogin {
  /** The user pool domain's `/oauth2/authorize` URL for this sign-in's `state` and S256 `code_challenge`. */
  authorizeUrl(request: { state: string; codeChallenge: string }): string;
  /**
   * Exchanges an authorization code at `/oauth2/token` with its `code_verifier` and returns the claims of the ID
   * token, verified against the pool (issuer, signature, expiry) and this client (audience, `token_use: id`).
   * Throws `SignInRefusedError` when the pool refuses the code or the token does not verify.
   */
  redeemCode(request: { code: string; codeVerifier: string }): Promise<Record<string, unknown>>;
  /** The user pool domain's `/logout` URL: it ends the pool's own session, then sends the browser to the console. */
  logoutUrl(): string;
}

/** The pool refused the code, or its token is not one of this pool and client: no session. */
export class SignInRefusedError extends Error {
  constructor(
    message: string,
    readonly reason: 'exchange_failed' | 'invalid_token',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignInRefusedError';
  }
}
