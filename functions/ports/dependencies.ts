/**
 * The ports a use case may need, composed from the capability modules (`functions/capabilities/catalog.ts`). Handlers
 * get the ones their declaration grants; the local stack and tests provide their own.
 */
export type { Dependencies } from '../capabilities/catalog.js';
