import { z } from 'zod';

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  /** True for the municipalities that signed the City Deal. */
  cityDeal: z.boolean(),
});
export type Municipality = z.infer<typeof municipality>;

export const municipalityList = z.object({ items: z.array(municipality) });
