/**
 * Opportunity rules as data: which facts about a building earn points towards splitsen, optoppen or transformatie.
 * The default set is data/opportunities/rules-v1.json; a municipality or corporation passes its own object, which
 * is validated here so that a bad rule set fails with the path of the bad field instead of scoring nonsense.
 */
import { z } from 'zod';
import { bagGebruiksdoelen, roofTypes } from './building.ts';

export const opportunityKinds = ['splitsen', 'optoppen', 'transformatie'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

export const verificationStatuses = ['source', 'expert-assumption'] as const;

const ruleBase = {
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'code must be snake_case (a-z, 0-9, _)'),
  points: z.number().int().min(-100).max(100),
  /** Reason text; `{value}` is replaced by the fact that fired the rule (e.g. the build year). */
  text_nl: z.string().min(1),
  text_en: z.string().min(1),
  verification: z.enum(verificationStatuses),
  source: z.string().min(1).optional(),
};

const roofTypeRule = z.object({
  ...ruleBase,
  type: z.literal('roofType'),
  values: z.array(z.enum(roofTypes)).min(1),
});

const buildYearRangeRule = z
  .object({ ...ruleBase, type: z.literal('buildYearRange'), from: z.number().int(), to: z.number().int() })
  .refine((rule) => rule.from <= rule.to, { message: 'from must not be after to', path: ['from'] });

const storeysRangeRule = z
  .object({ ...ruleBase, type: z.literal('storeysRange'), min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((rule) => rule.min <= rule.max, { message: 'min must not exceed max', path: ['min'] });

const lowerThanNeighboursRule = z.object({
  ...ruleBase,
  type: z.literal('lowerThanNeighbours'),
  /** Fires when the building is at least this many metres lower than its neighbours' median height. */
  minDifferenceM: z.number().positive(),
});

const floorAreaPerDwellingRule = z.object({
  ...ruleBase,
  type: z.literal('floorAreaPerDwelling'),
  minM2: z.number().positive(),
});

const footprintAreaRangeRule = z
  .object({ ...ruleBase, type: z.literal('footprintAreaRange'), minM2: z.number().min(0), maxM2: z.number().positive() })
  .refine((rule) => rule.minM2 <= rule.maxM2, { message: 'minM2 must not exceed maxM2', path: ['minM2'] });

const dwellingTypeRule = z.object({
  ...ruleBase,
  type: z.literal('dwellingType'),
  /** Compared case-insensitively with the stock list's woningtype. */
  values: z.array(z.string().min(1)).min(1),
});

const useFunctionRule = z.object({
  ...ruleBase,
  type: z.literal('useFunction'),
  values: z.array(z.enum(bagGebruiksdoelen)).min(1),
  /** Only fire when no verblijfsobject of the building has woonfunctie (a purely non-residential building). */
  requireNoWoonfunctie: z.boolean(),
});

const vacancyRule = z.object({ ...ruleBase, type: z.literal('vacancy') });

export const opportunityRuleSchema = z.discriminatedUnion('type', [
  roofTypeRule,
  buildYearRangeRule,
  storeysRangeRule,
  lowerThanNeighboursRule,
  floorAreaPerDwellingRule,
  footprintAreaRangeRule,
  dwellingTypeRule,
  useFunctionRule,
  vacancyRule,
]);
export type OpportunityRule = z.infer<typeof opportunityRuleSchema>;

const kindRules = z.array(opportunityRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.code)) ctx.addIssue({ code: 'custom', message: `duplicate rule code "${rule.code}"`, path: [index, 'code'] });
    seen.add(rule.code);
  });
});

export const opportunityRulesSchema = z.object({
  version: z.string().min(1),
  name: z.string().min(1),
  source: z.string().min(1),
  verification: z.enum(verificationStatuses),
  neighbours: z.object({
    /** Buildings whose centroid lies within this distance (m) of the building's centroid count as neighbours. */
    radiusM: z.number().positive().max(500),
    /** Below this many neighbours with a known height the comparison is not made. */
    minNeighbours: z.number().int().min(1),
    verification: z.enum(verificationStatuses),
  }),
  kinds: z.object({
    splitsen: kindRules,
    optoppen: kindRules,
    transformatie: kindRules,
  }),
});
export type OpportunityRules = z.infer<typeof opportunityRulesSchema>;

export class InvalidOpportunityRulesError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(`Invalid opportunity rules: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidOpportunityRulesError';
    this.issues = issues;
  }
}

/** Validates a rule set (the default file or a municipality's or corporation's own); throws with every bad path. */
export function parseOpportunityRules(input: unknown): OpportunityRules {
  const result = opportunityRulesSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidOpportunityRulesError(
    result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
    })),
  );
}
