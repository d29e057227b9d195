/**
 * Where the functions' metrics go, declared once: the functions' Powertools Metrics and the stack's dashboard and
 * alarms read the same namespace and `service` dimension.
 */
export const METRICS_NAMESPACE = 'AfterSales';
export const METRICS_SERVICE = 'after-sales';
