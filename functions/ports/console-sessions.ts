/** What console sessions are made of outside the HTTP layer: the key that signs session cookies and CSRF tokens. */
export interface ConsoleSessions {
  /** The HMAC key (at least 32 bytes) that signs the session cookie and its CSRF token; read once per process. */
  sessionKey(): Promise<Uint8Array>;
}
