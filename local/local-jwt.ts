import { createPrivateKey, createPublicKey, generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, errors, exportJWK, jwtVerify, SignJWT, type JWTPayload } from 'jose';

/**
 * The local user pool's ID tokens: RS256 JWTs shaped like Cognito's, signed with a key of the local stack's own.
 * The key is kept in the data folder (`staff-token-key.pem`), so tokens stay valid across restarts; a stack without a
 * data folder (tests) makes a new key, and tokens of another stack are refused.
 */
const LOCAL_TOKEN_ISSUER = 'urn:after-sales:local-user-pool';
/** The app client the tokens are issued to (Cognito's `aud` for ID tokens). */
const LOCAL_TOKEN_AUDIENCE = 'after-sales-local-staff';
const STAFF_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

const KEY_FILE = 'staff-token-key.pem';
const ALGORITHM = 'RS256';

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

const newPrivateKey = async (): Promise<KeyObject> =>
  (await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })).privateKey;

const readKeyFile = async (file: string): Promise<KeyObject | undefined> => {
  try {
    return createPrivateKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const storedPrivateKey = async (dataDir: string): Promise<KeyObject> => {
  const file = join(dataDir, KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  const key = await newPrivateKey();
  await writeFile(file, key.export({ type: 'pkcs8', format: 'pem' }), { encoding: 'utf8', mode: 0o600 });
  return key;
};

const toSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export class LocalJwtIssuer {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    private readonly keyId: string,
  ) {}

  /** The data folder's key, made on first use; a fresh key when there is no data folder. */
  static async open(dataDir: string | undefined): Promise<LocalJwtIssuer> {
    const privateKey = dataDir === undefined ? await newPrivateKey() : await storedPrivateKey(dataDir);
    const publicKey = createPublicKey(privateKey);
    return new LocalJwtIssuer(privateKey, publicKey, await calculateJwkThumbprint(await exportJWK(publicKey)));
  }

  /** An ID token with these user claims, valid for 12 hours from `now`. */
  async issue(claims: Record<string, unknown>, now: Date): Promise<IssuedToken> {
    const expiresAt = new Date((toSeconds(now) + STAFF_TOKEN_LIFETIME_SECONDS) * 1000);
    const token = await new SignJWT({ ...claims, token_use: 'id', auth_time: toSeconds(now) })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keyId, typ: 'JWT' })
      .setIssuer(LOCAL_TOKEN_ISSUER)
      .setAudience(LOCAL_TOKEN_AUDIENCE)
      .setIssuedAt(toSeconds(now))
      .setExpirationTime(toSeconds(expiresAt))
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The token's claims when this pool signed it, it is an ID token and it has not expired at `now`, as the Cognito
   * authorizer checks; undefined for anything else (malformed, another key, another algorithm, expired).
   */
  async verify(token: string, now: Date = new Date()): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [ALGORITHM],
        issuer: LOCAL_TOKEN_ISSUER,
        audience: LOCAL_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
        currentDate: now,
      });
      return payload.token_use === 'id' ? payload : undefined;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}
