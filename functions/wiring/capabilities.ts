/** What a function may touch: composed from the capability modules (`functions/capabilities/catalog.ts`). */
export type { Capabilities } from '../capabilities/catalog.js';
