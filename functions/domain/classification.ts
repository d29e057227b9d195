import {
  orderValue,
  type CaseRequest,
  type CaseType,
  type Classification,
  type Severity,
  type Urgency,
} from './case.js';
import { StateConflictError } from './errors.js';
import type { StorePolicy } from './policy/store-policy.js';
import { priorityOf, type PriorityMatrix } from './priority.js';

/**
 * Classification: severity x urgency -> priority under the store's matrix, each set by the first rule that applies,
 * and the rule recorded so staff can see why (and override it with a reason).
 */

/** The rules the automatic classification records (`staff_override` is recorded by `overrideClassification`). */
type SeverityRule = 'storefront_hint' | 'safety_terms' | 'type_default';
type UrgencyRule = 'storefront_hint' | 'safety_terms' | 'repeat_customer' | 'high_order_value' | 'type_default';

/**
 * Severity when nothing else applies: the customer cannot use what they paid for (fault, repair, lost or damaged
 * parcel) or is unhappy with the service (complaint) is major; a transaction to process (return, exchange, refund)
 * or a question or idea is minor.
 */
export const TYPE_SEVERITY: Record<CaseType, Severity> = {
  product_fault: 'major',
  repair: 'major',
  logistics: 'major',
  complaint: 'major',
  return: 'minor',
  exchange: 'minor',
  refund: 'minor',
  usage_question: 'minor',
  suggestion: 'minor',
};

/**
 * Urgency when nothing else applies: questions and suggestions can wait; everything else, a complaint included, is
 * handled in the normal flow (a complaint becomes urgent through the repeat-customer or value rules).
 */
export const TYPE_URGENCY: Record<CaseType, Urgency> = {
  return: 'medium',
  exchange: 'medium',
  repair: 'medium',
  refund: 'medium',
  product_fault: 'medium',
  logistics: 'medium',
  complaint: 'medium',
  usage_question: 'low',
  suggestion: 'low',
};

/**
 * Chinese hazard terms, matched as substrings (Chinese has no spaces between words). A missed hazard costs more than
 * a minor case raised to critical (staff can lower it), so the list leans to recall: `漏气` also matches a leaking
 * tyre, and a negation (`没有冒烟`) still matches.
 */
export const CHINESE_SAFETY_TERMS: readonly string[] = [
  '起火',
  '着火',
  '失火',
  '冒火',
  '火苗',
  '火花',
  '冒烟',
  '烧焦',
  '焦味',
  '自燃',
  '爆炸',
  '炸裂',
  '爆裂',
  '鼓包',
  '漏电',
  '触电',
  '电击',
  '短路',
  '烫伤',
  '烧伤',
  '灼伤',
  '受伤',
  '燃气泄漏',
  '煤气泄漏',
  '天然气泄漏',
  '漏煤气',
  '漏燃气',
  '煤气味',
  '燃气味',
  '漏气',
];

/** Chinese phrases that contain a hazard term but name no hazard; removed before matching. */
const CHINESE_NON_HAZARD_PHRASES: readonly string[] = ['火花塞' /* spark plug */];

/**
 * English hazard terms and phrases, matched case-insensitively as whole words (`fire` not in `fireplace`, `Firefox`,
 * `firewall`; `burn` not in `burnished`, `heartburn`). `smoking` counts ("the charger was smoking"); "no smoking" and
 * other product names and features are listed in `ENGLISH_NON_HAZARD_PHRASES`. A smoke or fire alarm that fails is
 * a safety matter, so it matches.
 */
export const ENGLISH_SAFETY_TERMS: readonly string[] = [
  'fire',
  'fires',
  'caught fire',
  'flame',
  'flames',
  'smoke',
  'smoking',
  'burn',
  'burns',
  'burned',
  'burnt',
  'burning',
  'scorched',
  'spark',
  'sparks',
  'sparked',
  'sparking',
  'electric shock',
  'electrical shock',
  'shocked me',
  'gave me a shock',
  'electrocuted',
  'short circuit',
  'short circuited',
  'explode',
  'exploded',
  'explodes',
  'exploding',
  'explosion',
  'gas leak',
  'gas leaking',
  'leaking gas',
  'leaks gas',
  'leak of gas',
  'smell of gas',
  'smells of gas',
  'gas smell',
  'overheat',
  'overheats',
  'overheated',
  'overheating',
  'melted',
  'melting',
  'injury',
  'injuries',
  'injured',
];

/** English phrases that contain a hazard term but name no hazard; removed before matching. */
const ENGLISH_NON_HAZARD_PHRASES: readonly string[] = [
  'no smoking',
  'non smoking',
  'smoke grey',
  'smoke gray',
  'fire tv',
  'fire stick',
  'fire tablet',
  'kindle fire',
  'fire resistant',
  'fire retardant',
  // A screen's image retention; only hyphenated, so "it began to burn in the socket" still matches.
  'burn-in',
  'burned-in',
  'burnt-in',
];

/**
 * Whole words: no letter or digit on either side. A space in a phrase stands for any run of spaces or hyphens
 * (`caught-fire`); a hyphen stands only for itself.
 */
const wholeWords = (phrases: readonly string[]): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phrases
      .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );

const ENGLISH_TERMS = wholeWords(ENGLISH_SAFETY_TERMS);
const ENGLISH_EXCEPTIONS = wholeWords(ENGLISH_NON_HAZARD_PHRASES);

/**
 * The hazard terms a text mentions (empty when none), Chinese and English alike: descriptions mix languages.
 * NFKC folds full-width letters (`ＦＩＲＥ`) to ASCII first.
 */
export const findSafetyTerms = (text: string): string[] => {
  const normalized = text.normalize('NFKC').toLowerCase();
  const chinese = CHINESE_NON_HAZARD_PHRASES.reduce((rest, phrase) => rest.replaceAll(phrase, ' '), normalized);
  const english = normalized.replace(ENGLISH_EXCEPTIONS, ' ');
  const found = [
    ...CHINESE_SAFETY_TERMS.filter((term) => chinese.includes(term)),
    ...[...english.matchAll(ENGLISH_TERMS)].map((match) => match[0].replace(/[\s-]+/g, ' ')),
  ];
  return [...new Set(found)];
};

export interface ClassificationInput {
  request: Pick<CaseRequest, 'type' | 'description' | 'items' | 'severity' | 'urgency'>;
  policy: Pick<StorePolicy, 'priorityMatrix' | 'highValueThreshold' | 'repeatCaseThreshold'>;
  /** The customer's other cases in the store in the last 90 days (the caller counts them). */
  recentCaseCount: number;
  now: Date;
}

const severityOf = (
  request: ClassificationInput['request'],
  hazard: boolean,
): { severity: Severity; severityRule: SeverityRule } => {
  if (request.severity) return { severity: request.severity, severityRule: 'storefront_hint' };
  if (hazard) return { severity: 'critical', severityRule: 'safety_terms' };
  return { severity: TYPE_SEVERITY[request.type], severityRule: 'type_default' };
};

const urgencyOf = (
  { request, policy, recentCaseCount }: ClassificationInput,
  hazard: boolean,
): { urgency: Urgency; urgencyRule: UrgencyRule } => {
  if (request.urgency) return { urgency: request.urgency, urgencyRule: 'storefront_hint' };
  if (hazard) return { urgency: 'high', urgencyRule: 'safety_terms' };
  if (recentCaseCount >= policy.repeatCaseThreshold) return { urgency: 'high', urgencyRule: 'repeat_customer' };
  if (orderValue(request.items) >= policy.highValueThreshold) {
    return { urgency: 'high', urgencyRule: 'high_order_value' };
  }
  return { urgency: TYPE_URGENCY[request.type], urgencyRule: 'type_default' };
};

/** Severity and urgency by the first rule that applies to each (storefront hints first), and the priority. */
export const classifyCase = (input: ClassificationInput): Classification => {
  const hazard = findSafetyTerms(input.request.description).length > 0;
  const { severity, severityRule } = severityOf(input.request, hazard);
  const { urgency, urgencyRule } = urgencyOf(input, hazard);
  return {
    severity,
    urgency,
    priority: priorityOf(input.policy.priorityMatrix, severity, urgency),
    severityRule,
    urgencyRule,
    classifiedAt: input.now.toISOString(),
    classifiedBy: 'rules',
  };
};

export interface ClassificationOverride {
  severity?: Severity;
  urgency?: Urgency;
  reason: string;
}

/** What staff give wins; else what was there, with its rule. */
const overridden = <V>(
  given: V | undefined,
  kept: { value: V; rule: string } | undefined,
): { value: V; rule: string } | undefined => (given !== undefined ? { value: given, rule: 'staff_override' } : kept);

/**
 * Staff set the severity and/or urgency: what they give is recorded as `staff_override` (even when equal to the
 * value before: a person now stands behind it), the rest keeps its value and rule, and the priority follows the
 * matrix. A case the workflow has not classified yet needs both (else `StateConflictError`): nothing to keep.
 */
export const overrideClassification = (
  current: Classification | undefined,
  change: ClassificationOverride,
  matrix: PriorityMatrix,
  by: string,
  now: Date,
): Classification => {
  const severity = overridden(change.severity, current && { value: current.severity, rule: current.severityRule });
  const urgency = overridden(change.urgency, current && { value: current.urgency, rule: current.urgencyRule });
  if (!severity || !urgency) {
    throw new StateConflictError('The case is not classified yet: give both a severity and an urgency');
  }
  return {
    severity: severity.value,
    urgency: urgency.value,
    priority: priorityOf(matrix, severity.value, urgency.value),
    severityRule: severity.rule,
    urgencyRule: urgency.rule,
    classifiedAt: now.toISOString(),
    classifiedBy: by,
    overrideReason: change.reason,
  };
};
