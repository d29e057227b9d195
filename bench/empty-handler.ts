/* A reference row of the bundle benchmark: what importing a handler costs Node with nothing in it. */
export const handler = async () => ({ statusCode: 200, body: '' });
