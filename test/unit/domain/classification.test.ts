import { describe, expect, it } from 'vitest';
import {
  CASE_TYPES,
  SEVERITIES,
  URGENCIES,
  type CaseType,
  type Classification,
  type OrderLine,
  type Severity,
  type Urgency,
} from '../../../functions/domain/case.js';
import {
  CHINESE_SAFETY_TERMS,
  classifyCase,
  ENGLISH_SAFETY_TERMS,
  findSafetyTerms,
  overrideClassification,
  TYPE_SEVERITY,
  TYPE_URGENCY,
  type ClassificationInput,
} from '../../../functions/domain/classification.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix } from '../../../functions/domain/priority.js';

const NOW = new Date('2026-11-22T08:00:00.000Z');
const POLICY = { priorityMatrix: DEFAULT_PRIORITY_MATRIX, highValueThreshold: 1000, repeatCaseThreshold: 2 };
const line = (unitPrice: number, quantity = 1): OrderLine => ({
  sku: 'KT-100',
  name: 'Kettle',
  category: 'appliances',
  quantity,
  unitPrice,
});

const input = (
  request: Partial<ClassificationInput['request']> = {},
  overrides: Partial<Omit<ClassificationInput, 'request'>> = {},
): ClassificationInput => ({
  request: { type: 'return', description: 'The kettle leaks from the base.', items: [line(199)], ...request },
  policy: POLICY,
  recentCaseCount: 0,
  now: NOW,
  ...overrides,
});

describe('Function: findSafetyTerms', () => {
  it.each([
    ['水壶底部冒烟了', '冒烟'],
    ['插上电源后突然起火', '起火'],
    ['机器着火了，吓死了', '着火'],
    ['充电器冒火', '冒火'],
    ['插座有火花', '火花'],
    ['外壳漏电，手碰到会麻', '漏电'],
    ['孩子碰到后触电了', '触电'],
    ['被电击了一下', '电击'],
    ['热水溅出来把手烫伤了', '烫伤'],
    ['手被烧伤', '烧伤'],
    ['电池爆炸', '爆炸'],
    ['燃气灶燃气泄漏', '燃气泄漏'],
    ['高压锅漏气', '漏气'],
    ['厨房有很重的煤气味', '煤气味'],
    ['孩子受伤了', '受伤'],
    ['放在车里自燃了', '自燃'],
    ['电池鼓包了', '鼓包'],
    ['有烧焦的味道', '烧焦'],
    ['The kettle started to smoke when I switched it on.', 'smoke'],
    ['The charger was SMOKING on the desk', 'smoking'],
    ['The toaster caught fire', 'caught fire'],
    ['The toaster caught-fire', 'caught fire'],
    ['There was a small fire in the kitchen', 'fire'],
    ['Flames came out of the back', 'flames'],
    ['It burnt my hand', 'burnt'],
    ['It began to burn in the socket', 'burn'],
    ['My son burned his finger', 'burned'],
    ['A burning smell from the motor', 'burning'],
    ['I got an electric shock from the lid', 'electric shock'],
    ['The handle shocked me', 'shocked me'],
    ['It sparks when plugged in', 'sparks'],
    ['The battery exploded', 'exploded'],
    ['There was an explosion in the oven', 'explosion'],
    ['I think there is a gas leak at the valve', 'gas leak'],
    ['The hob is leaking gas', 'leaking gas'],
    ['A leak of gas near the pipe', 'leak of gas'],
    ['The phone overheated and switched off', 'overheated'],
    ['The plug melted', 'melted'],
    ['My daughter was injured by the blade', 'injured'],
    ['ＦＩＲＥ in the socket', 'fire'],
    ['产品说明写 fire-resistant，但插头 caught fire 了', 'caught fire'],
  ])('finds a hazard in "%s"', (text, term) => {
    // Act
    const found = findSafetyTerms(text);

    // Assess
    expect(found).toContain(term);
  });

  it.each([
    'The fireplace screen arrived scratched',
    'Firefox does not show the manual',
    'The firewall app will not install',
    'The burnished brass handle is dull',
    'Heartburn tablets were the wrong flavour',
    'The OLED screen shows burn-in after a week',
    'The "No Smoking" sign was bent',
    'I wanted the smoke grey colour, not black',
    'The Fire TV stick remote does not pair',
    'The fire-resistant document bag has a broken zip',
    'The sparkling water maker leaks',
    'I was shocked by the delivery time',
    '汽车火花塞型号不对',
    '颜色和图片不一样，想换货',
    '',
  ])('finds no hazard in "%s"', (text) => {
    // Act
    const found = findSafetyTerms(text);

    // Assess
    expect(found).toEqual([]);
  });

  it('finds every listed term in a text made of it alone', () => {
    // Act
    const missed = [...CHINESE_SAFETY_TERMS, ...ENGLISH_SAFETY_TERMS].filter(
      (term) => !findSafetyTerms(`——${term}。`).includes(term),
    );

    // Assess
    expect(missed).toEqual([]);
  });
});

type RequestFields = Partial<ClassificationInput['request']>;

describe('Function: classifyCase', () => {
  // prettier-ignore
  it.each<{ name: string; request: RequestFields; severity: Severity; severityRule: string }>([
    // Severity: hint > safety terms > type default.
    { name: 'a severity hint over safety terms', request: { severity: 'minor', description: '起火了' }, severity: 'minor', severityRule: 'storefront_hint' },
    { name: 'safety terms in Chinese over the type', request: { type: 'return', description: '水壶冒烟' }, severity: 'critical', severityRule: 'safety_terms' },
    { name: 'safety terms in English over the type', request: { type: 'suggestion', description: 'It caught fire' }, severity: 'critical', severityRule: 'safety_terms' },
    { name: 'the type without hint or hazard', request: { type: 'product_fault' }, severity: 'major', severityRule: 'type_default' },
  ])('sets the severity from $name', ({ request, severity, severityRule }) => {
    // Act
    const classification = classifyCase(input(request));

    // Assess
    expect(classification).toMatchObject({ severity, severityRule });
  });

  // prettier-ignore
  it.each<{ name: string; request: RequestFields; recent: number; urgency: Urgency; urgencyRule: string }>([
    // Urgency: hint > safety terms > repeat customer > high order value > type default.
    { name: 'an urgency hint over everything', request: { urgency: 'low', description: 'fire', items: [line(5000)] }, recent: 5, urgency: 'low', urgencyRule: 'storefront_hint' },
    { name: 'safety terms over repeat and value', request: { description: '漏电', items: [line(5000)] }, recent: 5, urgency: 'high', urgencyRule: 'safety_terms' },
    { name: 'a repeat customer exactly at the threshold', request: {}, recent: 2, urgency: 'high', urgencyRule: 'repeat_customer' },
    { name: 'a repeat customer over high value', request: { items: [line(5000)] }, recent: 3, urgency: 'high', urgencyRule: 'repeat_customer' },
    { name: 'one case below the repeat threshold', request: {}, recent: 1, urgency: 'medium', urgencyRule: 'type_default' },
    { name: 'an order value exactly at the threshold', request: { items: [line(250, 4)] }, recent: 0, urgency: 'high', urgencyRule: 'high_order_value' },
    { name: 'an order value just below the threshold', request: { items: [line(999.99)] }, recent: 0, urgency: 'medium', urgencyRule: 'type_default' },
    { name: 'the order value summed over lines', request: { items: [line(600), line(400)] }, recent: 0, urgency: 'high', urgencyRule: 'high_order_value' },
    { name: 'the type of a question', request: { type: 'usage_question' }, recent: 0, urgency: 'low', urgencyRule: 'type_default' },
  ])('sets the urgency from $name', ({ request, recent, urgency, urgencyRule }) => {
    // Act
    const classification = classifyCase(input(request, { recentCaseCount: recent }));

    // Assess
    expect(classification).toMatchObject({ urgency, urgencyRule });
  });

  it.each(CASE_TYPES)('classifies a plain %s by its type defaults', (type: CaseType) => {
    // Act
    const classification = classifyCase(input({ type, description: 'Please help.' }));

    // Assess
    expect(classification).toEqual({
      severity: TYPE_SEVERITY[type],
      urgency: TYPE_URGENCY[type],
      priority: DEFAULT_PRIORITY_MATRIX[TYPE_SEVERITY[type]][TYPE_URGENCY[type]],
      severityRule: 'type_default',
      urgencyRule: 'type_default',
      classifiedAt: NOW.toISOString(),
      classifiedBy: 'rules',
    });
  });

  it.each(
    SEVERITIES.flatMap((severity) =>
      URGENCIES.map((urgency) => ({ severity, urgency, priority: DEFAULT_PRIORITY_MATRIX[severity][urgency] })),
    ),
  )('gives $priority to $severity x $urgency under the default matrix', ({ severity, urgency, priority }) => {
    // Act
    const classification = classifyCase(input({ severity, urgency }));

    // Assess
    expect(classification.priority).toBe(priority);
  });

  it('spells out the default matrix cell by cell', () => {
    // Assess: the ITIL grid, so a change to the defaults is a visible decision
    expect(DEFAULT_PRIORITY_MATRIX).toEqual({
      critical: { high: 'P1', medium: 'P2', low: 'P3' },
      major: { high: 'P2', medium: 'P3', low: 'P4' },
      minor: { high: 'P3', medium: 'P4', low: 'P4' },
    });
  });

  it('uses the store’s own matrix when it has one', () => {
    // Prepare
    const strict: PriorityMatrix = {
      critical: { high: 'P1', medium: 'P1', low: 'P1' },
      major: { high: 'P2', medium: 'P2', low: 'P2' },
      minor: { high: 'P4', medium: 'P4', low: 'P4' },
    };

    // Act
    const classification = classifyCase({
      ...input({ description: 'smoke' }),
      policy: { ...POLICY, priorityMatrix: strict },
    });

    // Assess
    expect(classification.priority).toBe('P1');
  });

  it('uses the store’s thresholds when they differ from the defaults', () => {
    // Act
    const byValue = classifyCase({ ...input({ items: [line(300)] }), policy: { ...POLICY, highValueThreshold: 300 } });
    const byRepeat = classifyCase({
      ...input({}, { recentCaseCount: 4 }),
      policy: { ...POLICY, repeatCaseThreshold: 5 },
    });

    // Assess
    expect(byValue.urgencyRule).toBe('high_order_value');
    expect(byRepeat.urgencyRule).toBe('type_default');
  });
});

describe('Function: overrideClassification', () => {
  const byRules: Classification = {
    severity: 'minor',
    urgency: 'medium',
    priority: 'P4',
    severityRule: 'type_default',
    urgencyRule: 'repeat_customer',
    classifiedAt: '2026-11-21T08:00:00.000Z',
    classifiedBy: 'rules',
  };

  // prettier-ignore
  it.each<{ name: string; change: { severity?: Severity; urgency?: Urgency }; expected: Partial<Classification> }>([
    { name: 'the severity only', change: { severity: 'critical' }, expected: { severity: 'critical', urgency: 'medium', priority: 'P2', severityRule: 'staff_override', urgencyRule: 'repeat_customer' } },
    { name: 'the urgency only', change: { urgency: 'high' }, expected: { severity: 'minor', urgency: 'high', priority: 'P3', severityRule: 'type_default', urgencyRule: 'staff_override' } },
    { name: 'both', change: { severity: 'major', urgency: 'low' }, expected: { severity: 'major', urgency: 'low', priority: 'P4', severityRule: 'staff_override', urgencyRule: 'staff_override' } },
    { name: 'the same severity again', change: { severity: 'minor' }, expected: { severity: 'minor', urgency: 'medium', priority: 'P4', severityRule: 'staff_override', urgencyRule: 'repeat_customer' } },
  ])('records staff_override for what staff set when they change $name', ({ change, expected }) => {
    // Act
    const classification = overrideClassification(
      byRules,
      { ...change, reason: 'Seen on the video call' },
      DEFAULT_PRIORITY_MATRIX,
      'supervisor1',
      NOW,
    );

    // Assess
    expect(classification).toEqual({
      ...expected,
      classifiedAt: NOW.toISOString(),
      classifiedBy: 'supervisor1',
      overrideReason: 'Seen on the video call',
    });
  });

  it('keeps an earlier override’s rule when a later one changes the other field', () => {
    // Prepare
    const first = overrideClassification(
      byRules,
      { severity: 'critical', reason: 'Smoke' },
      DEFAULT_PRIORITY_MATRIX,
      'agent1',
      NOW,
    );

    // Act
    const second = overrideClassification(
      first,
      { urgency: 'high', reason: 'Child at home' },
      DEFAULT_PRIORITY_MATRIX,
      'supervisor1',
      NOW,
    );

    // Assess
    expect(second).toMatchObject({
      priority: 'P1',
      severityRule: 'staff_override',
      urgencyRule: 'staff_override',
      overrideReason: 'Child at home',
    });
  });

  it('classifies an unclassified case when staff give both fields', () => {
    // Act
    const classification = overrideClassification(
      undefined,
      { severity: 'major', urgency: 'high', reason: 'Called in' },
      DEFAULT_PRIORITY_MATRIX,
      'agent1',
      NOW,
    );

    // Assess
    expect(classification).toMatchObject({
      priority: 'P2',
      severityRule: 'staff_override',
      urgencyRule: 'staff_override',
    });
  });

  it('throws a state conflict when an unclassified case gets only one field', () => {
    // Act
    const override = () =>
      overrideClassification(
        undefined,
        { severity: 'major', reason: 'Called in' },
        DEFAULT_PRIORITY_MATRIX,
        'agent1',
        NOW,
      );

    // Assess
    expect(override).toThrow(StateConflictError);
  });
});
