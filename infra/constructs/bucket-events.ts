import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { BUCKET_EVENTS, type BucketEventDeclaration } from '../../functions/wiring/bucket-events.js';
import { pascal } from '../config.js';
import { bindCapabilities, ServiceFunction, type CapabilityResources } from './service-function.js';

export interface BucketEventsProps {
  resources: CapabilityResources;
  /** The attachments bucket itself (the parent stack's), whose notification configuration names each function. */
  bucket: Bucket;
}

const S3_EVENTS: Record<BucketEventDeclaration['events'], EventType> = { objectCreated: EventType.OBJECT_CREATED };

/**
 * One function per declared bucket event (`functions/wiring/bucket-events.ts`), subscribed to the attachments
 * bucket's notifications under its prefix. S3 invokes it asynchronously: Lambda retries a failed invocation twice.
 */
export class BucketEvents extends Construct {
  readonly functions: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: BucketEventsProps) {
    super(scope, id);
    const functions = new Map<string, ServiceFunction>();
    for (const declaration of BUCKET_EVENTS) {
      const fn = new ServiceFunction(this, `${pascal(declaration.name)}BucketEvent`, {
        kind: 'bucketEvent',
        handler: declaration.handler,
        description: declaration.summary,
        capabilities: declaration.capabilities,
      });
      bindCapabilities(fn, props.resources);
      props.bucket.addEventNotification(S3_EVENTS[declaration.events], new LambdaDestination(fn), {
        prefix: declaration.prefix,
      });
      functions.set(declaration.name, fn);
    }
    this.functions = functions;
  }
}
