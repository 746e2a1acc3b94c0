import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { formatDecimal, formatInteger } from './format.ts';

/** The parts of a zod issue needed to phrase it; the API's `validation_failed` details may carry them too. */
export interface IssueLike {
  code?: string;
  message: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  expected?: unknown;
  received?: unknown;
}

/** Field path → one message; the path is dot-separated like the API's details (`parties.0.role`). */
export type FieldErrors = Record<string, string>;

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function formatBound(value: unknown): string {
  if (typeof value === 'bigint') return formatInteger(Number(value));
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, String(value).split('.')[1]?.length ?? 0);
}

/**
 * Phrases one validation issue in the UI language. Codes follow zod 4 (`too_small`, `invalid_format`, …);
 * anything unknown falls back to the message that came with the issue.
 */
export function issueMessage(issue: IssueLike, t: TFunction): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') return t('validation.integer');
      // Forms pass unreadable numbers as NaN and empty fields as undefined: the first is a typo, the second missing.
      if (issue.received === 'NaN') return t('validation.number');
      return t('validation.required');
    }
    case 'too_small': {
      const min = formatBound(issue.minimum);
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooFewItems', { min });
      if (issue.origin === 'date') return t('validation.dateTooEarly', { min });
      return issue.inclusive === false ? t('validation.greaterThan', { min }) : t('validation.atLeast', { min });
    }
    case 'too_big': {
      const max = formatBound(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooManyItems', { max });
      if (issue.origin === 'date') return t('validation.dateTooLate', { max });
      return issue.inclusive === false ? t('validation.lessThan', { max }) : t('validation.atMost', { max });
    }
    case 'invalid_format': {
      switch (issue.format) {
        case 'email':
          return t('validation.email');
        case 'url':
          return t('validation.url');
        case 'date':
          return t('validation.date');
        case 'datetime':
          return t('validation.dateTime');
        case 'uuid':
          return t('validation.choose');
        default:
          return t('validation.format');
      }
    }
    case 'invalid_value':
      return t('validation.choose');
    case 'not_multiple_of':
      return t('validation.format');
    default:
      return issue.message || t('validation.format');
  }
}

export interface IssueContext {
  /** Fields that take whole numbers: unreadable text there gets "enter a whole number", not "enter a number like 12,5". */
  integerPaths?: readonly string[];
  /** Fields filled by picking from a list: when empty they say "choose", not "fill in". */
  choicePaths?: readonly (string | RegExp)[];
}

function matches(patterns: readonly (string | RegExp)[] | undefined, path: string): boolean {
  return patterns?.some((pattern) => (typeof pattern === 'string' ? pattern === path : pattern.test(path))) ?? false;
}

/** The first issue per field wins: one clear message beats a list of everything that is wrong. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], t: TFunction, context: IssueContext = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (errors[key] !== undefined) continue;
    // zod reports `received` at run time without typing it; IssueLike reads it.
    const like: IssueLike = issue;
    const unreadable = like.code === 'invalid_type' && like.received === 'NaN';
    if (unreadable && context.integerPaths?.includes(key)) errors[key] = t('validation.integer');
    else if (like.code === 'invalid_type' && !unreadable && matches(context.choicePaths, key)) errors[key] = t('validation.choose');
    else errors[key] = issueMessage(like, t);
  }
  return errors;
}

/**
 * True when the issue carries what its message needs. The API passes on only the zod code of an issue, not its
 * bounds; then the server's own (Dutch) message is better than a sentence with a hole in it.
 */
function canPhrase(issue: IssueLike): boolean {
  switch (issue.code) {
    case 'too_small':
      return issue.origin !== undefined && issue.minimum !== undefined;
    case 'too_big':
      return issue.origin !== undefined && issue.maximum !== undefined;
    case 'invalid_format':
      return issue.format !== undefined;
    case 'invalid_type':
      return issue.expected !== undefined;
    case 'invalid_value':
      return true;
    default:
      return false;
  }
}

/**
 * Maps the `details` of a 400 `validation_failed` response to fields. Details that carry a complete zod issue
 * are phrased in the UI language; others keep the server's message.
 */
export function fieldErrorsFromProblems(problems: readonly ({ path: string } & IssueLike)[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    if (errors[problem.path] !== undefined) continue;
    errors[problem.path] = canPhrase(problem) ? issueMessage(problem, t) : problem.message || t('validation.format');
  }
  return errors;
}

/** DOM id of the input for a field path; error summaries link to it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
