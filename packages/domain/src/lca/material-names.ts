/**
 * The key under which an organisation's material → profile mapping stores a material name: accents removed, lower
 * case, every run of characters other than a-z, 0-9 and + replaced by one space, trimmed. "Beton C20/25" and
 * "beton c20 25" are the same material; the same rule as the suggestion matcher (suggest.ts).
 */
export function normalizeMaterialName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}
