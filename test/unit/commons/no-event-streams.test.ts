import { describe, expect, it } from 'vitest';
import {
  EventStreamSerde,
  eventStreamSerdeProvider,
  resolveEventStreamSerdeConfig,
} from '../../../functions/commons/no-event-streams.js';

describe('Module: no-event-streams (the bundles’ @smithy/core/event-streams)', () => {
  it('leaves a client’s configuration as it is when the client is built', () => {
    // Prepare
    const config = { region: 'eu-west-1' };

    // Act
    const resolved = resolveEventStreamSerdeConfig(config);

    // Assess
    expect(resolved).toBe(config);
    expect(resolved).toEqual({ region: 'eu-west-1' });
  });

  it('throws, naming why, when an event-stream operation is called', () => {
    expect(() => new EventStreamSerde()).toThrow(/Event-stream operations are not bundled/);
    expect(() => eventStreamSerdeProvider()).toThrow(/no-event-streams\.ts/);
  });
});
