import type { MethodData } from './method-data.ts';

export interface MciInput {
  massKg: number;
  /** Feedstock shares, fractions 0..1. */
  recycled: number;
  reused: number;
  renewable: number;
  /** End-of-life shares, fractions 0..1. */
  eolRecycling: number;
  eolReuse: number;
}

/**
 * Material Circularity Indicator of one product (Ellen MacArthur Foundation & Granta 2015/2019):
 * V = M(1 − F_R − F_U − F_S); W_0 = M(1 − C_R − C_U); W_C = M(1 − E_C)C_R; W_F = M(1 − E_F)F_R/E_F;
 * W = W_0 + (W_F + W_C)/2; LFI = (V + W)/(2M + (W_F − W_C)/2); MCI = max(0, 1 − LFI × 0.9/X).
 * E_F, E_C and X come from data/methods/mci.json (assumptions: 1, 1, 1). Renewable share is taken as F_S.
 * Dimensionless in [0, 1], not rounded. Returns undefined for zero mass.
 */
export function materialCircularity(input: MciInput, data: MethodData): number | undefined {
  const value = mciOf(input.massKg, input.recycled, input.reused, input.renewable, input.eolRecycling, input.eolReuse, data);
  return Number.isNaN(value) ? undefined : value;
}

/** materialCircularity with scalar arguments: the engine's hot path, positional on purpose; NaN for zero mass. */
export function mciOf(m: number, recycled: number, reused: number, renewable: number, eolRecycling: number, eolReuse: number, data: MethodData): number {
  if (!(m > 0)) return Number.NaN;
  const { efficiencyFeedstock: ef, efficiencyEndOfLife: ec, utilityX } = data.mci;
  const v = m * Math.max(0, 1 - recycled - reused - renewable);
  const w0 = m * Math.max(0, 1 - eolRecycling - eolReuse);
  const wc = m * (1 - ec) * eolRecycling;
  const wf = (m * (1 - ef) * recycled) / ef;
  const w = w0 + (wf + wc) / 2;
  const lfi = (v + w) / (2 * m + (wf - wc) / 2);
  return Math.min(1, Math.max(0, 1 - lfi * (0.9 / utilityX)));
}
