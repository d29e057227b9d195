/** What survey links are made of outside the domain: the signing key and the public address of the survey page. */
export interface SurveyLinks {
  /** The HMAC key survey tokens are signed with (at least 32 bytes); read once per process (cold start). */
  signingKey(): Promise<Uint8Array>;
  /** The public base URL the survey page is served under, without a trailing slash: links are `<base>/survey/<token>`. */
  baseUrl(): Promise<string>;
}
