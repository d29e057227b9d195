import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLES, type IndexDeclaration, type TableName } from '../../functions/wiring/tables.js';
import { pascal } from '../config.js';
import { ATTACHMENTS_PREFIX } from './service-function.js';

export interface DataProps {
  /** Storefront origins whose browsers may PUT attachments to presigned URLs; none: no CORS rule. */
  allowedOrigins: readonly string[];
}

/** Attachments (evidence photos, PDFs) are kept this long, then expire; uploads never finished are dropped after a day. */
export const ATTACHMENT_RETENTION = Duration.days(400);
const ACCESS_LOG_RETENTION = Duration.days(400);

const projectionOf = (index: IndexDeclaration): { projectionType: ProjectionType; nonKeyAttributes?: string[] } => {
  if (index.projection === 'ALL') return { projectionType: ProjectionType.ALL };
  if (index.projection === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] };
};

/**
 * The data at rest: one customer-managed key (rotated yearly) for every table, the attachments bucket and the survey
 * key secret (`Survey`), the tables
 * declared in `functions/wiring/tables.ts`, and the attachments bucket with its access-log bucket. Everything holding
 * customer data is retained when the stack is deleted.
 */
export class Data extends Construct {
  readonly key: Key;
  readonly tables: Readonly<Record<TableName, Table>>;
  readonly attachmentsBucket: Bucket;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);

    this.key = new Key(this, 'DataKey', {
      description: 'After-sales service data: DynamoDB tables, attachment objects and the survey key secret',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const tables = {} as Record<TableName, Table>;
    for (const declaration of TABLES) {
      // Every key attribute in the declarations is a string (prefixed ids, ISO dates): `CASE#<id>`, `<store>#<status>`.
      const table = new Table(this, `${pascal(declaration.name)}Table`, {
        partitionKey: { name: declaration.partitionKey, type: AttributeType.STRING },
        sortKey: declaration.sortKey ? { name: declaration.sortKey, type: AttributeType.STRING } : undefined,
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: this.key,
        timeToLiveAttribute: declaration.ttlAttribute,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of declaration.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          ...projectionOf(index),
        });
      }
      tables[declaration.name] = table;
    }
    this.tables = tables;

    // S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys.
    this.accessLogsBucket = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: ACCESS_LOG_RETENTION, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.attachmentsBucket = new Bucket(this, 'AttachmentsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'attachments-bucket/',
      lifecycleRules: [
        {
          id: 'expire-attachments',
          prefix: ATTACHMENTS_PREFIX,
          expiration: ATTACHMENT_RETENTION,
          noncurrentVersionExpiration: Duration.days(30),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      cors:
        props.allowedOrigins.length > 0
          ? [
              {
                allowedMethods: [HttpMethods.PUT],
                allowedOrigins: [...props.allowedOrigins],
                allowedHeaders: ['content-type', 'content-length', 'content-md5', 'x-amz-*'],
                exposedHeaders: ['ETag'],
                maxAge: 3000,
              },
            ]
          : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
