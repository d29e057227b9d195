import 'aws-sdk-client-mock-vitest/extend';
import { withdrawProvidedDependencies } from '../../functions/commons/dependencies.js';

// Test files share their worker's module cache (`isolate: false`): each starts with no adapters provided.
withdrawProvidedDependencies();
