/**
 * What every bundle gets for `@smithy/core/event-streams` (esbuild aliases it to this file: `infra/function-bundling.ts`).
 * No function calls an operation with an event stream (S3 SelectObjectContent, Lambda InvokeWithResponseStream, ...),
 * yet every client's protocol loads the codec for them and S3's client configures one at construction: about 15 KB in
 * every bundle. Here the configuration is a no-op and the codec throws, naming the reason, should a function ever
 * call such an operation. Only bundles use it: tests and the local stack run with the SDK's own module.
 */
const unavailable = (): never => {
  throw new Error('Event-stream operations are not bundled (functions/commons/no-event-streams.ts)');
};

/** S3's client calls it at construction: it leaves the configuration as it is (no event-stream marshaller). */
export const resolveEventStreamSerdeConfig = <T>(input: T): T => input;

export const eventStreamSerdeProvider = unavailable;

export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}
