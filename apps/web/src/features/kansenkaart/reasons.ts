/**
 * Score reasons as people read them: the rule's text in the page language with its points, and the facts that
 * were unknown — so a low score is not mistaken for "no".
 */
import type { StockKindScore, StockScoreReason } from '@kringbouw/contracts';

export interface ReasonLine {
  code: string;
  text: string;
  /** Signed points as shown: "+35", "−15". */
  points: string;
  positive: boolean;
}

/** U+2212 MINUS SIGN reads better than a hyphen next to numbers. */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return '0';
}

export function reasonText(reason: StockScoreReason, language: string): string {
  return language.startsWith('en') ? reason.text_en : reason.text_nl;
}

/** Reasons with the largest effect first; equal effects keep the rule order. */
export function reasonLines(score: StockKindScore, language: string): ReasonLine[] {
  return score.reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => Math.abs(b.reason.points) - Math.abs(a.reason.points) || a.index - b.index)
    .map(({ reason }) => ({ code: reason.code, text: reasonText(reason, language), points: formatPoints(reason.points), positive: reason.points >= 0 }));
}

/** The distinct missing facts behind rules that could not be evaluated, e.g. ["gebruiksdoel", "bouwjaar"]. */
export function missingFacts(score: StockKindScore): string[] {
  return [...new Set(score.unknown.map((u) => u.missing))];
}
