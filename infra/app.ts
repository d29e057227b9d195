import { createApp } from './create-app.js';

/**
 * CDK entry point (`cdk.json` runs it with tsx): `npx cdk synth`, `npx cdk deploy -c stage=prod -c mailFrom=...`.
 * Context keys are documented in infra/README.md.
 */
createApp().app.synth();
