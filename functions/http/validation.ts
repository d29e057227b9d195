// The one parse-and-report rule lives beside the schemas, so a use case that checks a merged document uses it too.
export { validate } from '../schemas/validate.js';
