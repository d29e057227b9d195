import { createHash } from 'node:crypto';

/** Storefront API keys are stored only as this hash: a leaked table never leaks a usable key. */
export const hashApiKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');
