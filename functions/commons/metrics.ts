import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../wiring/metrics.js';
import { logger } from './logger.js';

/**
 * The Powertools utility's own messages (one string each) go to our logger; its "no application metrics to publish", which every
 * invocation that changed no case would log, is debug only (the maintainers' advice: powertools-lambda-typescript#2036).
 */
const metricsLogger = {
  debug: (message: unknown) => logger.debug(String(message)),
  info: (message: unknown) => logger.info(String(message)),
  warn: (message: unknown) => {
    const text = String(message);
    if (text.startsWith('No application metrics to publish')) logger.debug(text);
    else logger.warn(text);
  },
  error: (message: unknown) => logger.error(String(message)),
};

/**
 * The process's one Metrics buffer (CloudWatch embedded metric format on stdout), dimension `service` only. Metrics are
 * recorded only by the AWS dependencies (`MeteredCaseStore`), so locally and in tests nothing is ever printed.
 */
export const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: METRICS_SERVICE,
  logger: metricsLogger,
});

/** Flushes the buffer once per invocation, after the handler returned or threw (each shared handler builder uses it). */
export const flushMetrics = () => logMetrics(metrics);
