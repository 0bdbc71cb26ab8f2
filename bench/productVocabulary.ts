/** Words and phrases a commerce product team writes, so generated documents read and index like real ones. */
import type { SeededRandom } from './seededRandom.js';

const subjects = [
  'checkout',
  'cart',
  'payment',
  'invoice',
  'shipment',
  'refund',
  'subscription',
  'catalogue',
  'warehouse',
  'coupon',
  'address',
  'notification',
  'dashboard',
  'report',
  'account',
  'session',
  'order',
  'basket',
  'tax',
  'currency',
  'ledger',
  'partner',
  'carrier',
  'return',
  'discount',
  'review',
  'search',
  'filter',
  'recommendation',
  'inventory',
  'price',
  'supplier',
  'wishlist',
  'loyalty',
  'voucher',
  'receipt',
  'delivery',
  'pickup',
  'bundle',
  'variant',
  'marketplace',
  'storefront',
  'onboarding',
  'consent',
  'export',
  'import',
  'audit',
  'permission',
  'team',
  'workspace',
  'billing',
  'statement',
  'dispute',
] as const;
const qualifiers = [
  'guest',
  'bulk',
  'scheduled',
  'partial',
  'instant',
  'recurring',
  'regional',
  'mobile',
  'self-serve',
  'automated',
  'manual',
  'multi-currency',
  'cross-border',
  'same-day',
  'express',
  'seasonal',
  'tiered',
  'personalised',
  'secure',
  'offline',
  'shared',
  'default',
  'verified',
  'pending',
  'archived',
] as const;
const actions = [
  'create',
  'edit',
  'cancel',
  'approve',
  'export',
  'filter',
  'search',
  'track',
  'schedule',
  'refund',
  'merge',
  'split',
  'preview',
  'download',
  'share',
  'archive',
  'restore',
  'notify',
  'compare',
  'reorder',
] as const;
const personas = [
  'first-time shopper',
  'returning customer',
  'store manager',
  'warehouse operator',
  'finance analyst',
  'support agent',
  'marketing manager',
  'merchant admin',
  'payments operator',
  'mobile shopper',
  'account owner',
  'procurement lead',
  'delivery driver',
  'data analyst',
  'compliance officer',
] as const;
const outcomes = [
  'I finish faster',
  'I make fewer mistakes',
  'I can answer customers the same day',
  'our numbers match the bank statement',
  'I do not need to call support',
  'I trust the total I pay',
  'I can plan the week ahead',
  'the team sees the same data',
  'nothing is shipped twice',
  'I can prove what was agreed',
  'the month-end close takes a day, not a week',
] as const;
const surfaces = [
  'flow',
  'history',
  'rules',
  'settings',
  'page',
  'API',
  'alerts',
  'overview',
  'export',
] as const;
const connectors = ['when', 'after', 'before', 'while', 'unless', 'once', 'as soon as', 'whenever'] as const;
const states = [
  'is confirmed',
  'has shipped',
  'fails validation',
  'is older than 90 days',
  'changes currency',
  'exceeds the credit limit',
  'is edited by two people',
  'is paid in part',
  'is flagged for review',
  'has no stock left',
  'is created from the mobile app',
  'crosses a tax region',
] as const;
const results = [
  'the total is recalculated within one second',
  'an email is sent to the account owner',
  'the change is recorded in the audit log',
  'a clear message explains what to fix',
  'the previous value can be restored',
  'the list updates without a page reload',
  'no duplicate record is created',
  'the report includes the new line',
  'the agent sees the full history',
  'the customer is charged only once',
  'the status shows in every channel',
] as const;
const metrics = [
  'Conversion rate',
  'Median time to complete',
  'Support contacts per 1,000 orders',
  'Error rate',
  'Weekly active merchants',
  'Refund processing time',
  'Share of orders using the feature',
] as const;
const people = [
  'Dana',
  'Priya',
  'Marcus',
  'Sofia',
  'Liam',
  'Aiko',
  'Noor',
  'Mateo',
  'Hannah',
  'Kwame',
  'Elif',
  'Ravi',
];
const themes = [
  'Conversion',
  'Repeat purchase',
  'Post-purchase',
  'Merchandising',
  'Payments',
  'Expansion',
  'Operations',
  'Trust',
];

/** `a shipment`, `an invoice`. */
function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** `inventories`, `refunds`. */
function plural(word: string): string {
  return word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

export interface ProductVocabulary {
  persona(): string;
  title(): string;
  sentence(): string;
  paragraph(sentences: number): string;
  criterion(): string;
  story(): string;
  metric(): string;
  person(): string;
  theme(): string;
  question(): string;
}

export function productVocabulary(random: SeededRandom): ProductVocabulary {
  const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
  const sentence = (): string => {
    const form = random.integer(0, 3);
    if (form === 0) {
      return `${capitalize(plural(random.pick(personas)))} ${random.pick(actions)} ${random.pick(qualifiers)} ${plural(random.pick(subjects))} ${random.pick(connectors)} the ${random.pick(subjects)} ${random.pick(states)}.`;
    }
    if (form === 1) {
      return `Today the ${random.pick(subjects)} flow forces ${article(random.pick(personas))} to ${random.pick(actions)} each ${random.pick(subjects)} by hand, and ${random.integer(5, 45)}% of them give up.`;
    }
    if (form === 2) {
      return `The ${random.pick(qualifiers)} ${random.pick(subjects)} view must make sure ${random.pick(results)}.`;
    }
    return `We expect ${random.pick(results)} ${random.pick(connectors)} ${article(random.pick(subjects))} ${random.pick(states)}.`;
  };
  return {
    persona: () => random.pick(personas),
    title: () => `${capitalize(random.pick(qualifiers))} ${random.pick(subjects)} ${random.pick(surfaces)}`,
    sentence,
    paragraph: (count) => Array.from({ length: count }, sentence).join(' '),
    criterion: () =>
      `Given ${article(random.pick(qualifiers))} ${random.pick(subjects)}, when it ${random.pick(states)}, then ${random.pick(results)}.`,
    story: () =>
      `As a **${random.pick(personas)}**, I want **to ${random.pick(actions)} ${random.pick(qualifiers)} ${plural(random.pick(subjects))}** so that **${random.pick(outcomes)}**.`,
    metric: () => random.pick(metrics),
    person: () => random.pick(people),
    theme: () => random.pick(themes),
    question: () =>
      `How does the ${random.pick(subjects)} behave ${random.pick(connectors)} it ${random.pick(states)}?`,
  };
}
