/** The files the shared CDK synth writes in its directory (test/support/cdk-synth-setup.ts, synth-shared-app.ts). */
export const SHARED_SYNTH_FILES = {
  /** The cloud assembly. */
  assembly: 'assembly',
  /** `{ milliseconds }`: written once the assembly is complete. */
  done: 'synth-done.json',
  /** `{ message }`: why there is no assembly. */
  failed: 'synth-failed.json',
} as const;
