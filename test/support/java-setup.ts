import { assertJava, JavaNotFoundError } from '../../local/dynamodb-local.js';

/** Stops `npm test` in its first seconds with one line, instead of every DynamoDB Local test file failing on its own. */
export default async function setup(): Promise<void> {
  try {
    await assertJava();
  } catch (error) {
    if (error instanceof JavaNotFoundError) error.stack = error.message; // the line says what to install
    throw error;
  }
}
