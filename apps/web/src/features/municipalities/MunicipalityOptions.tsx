import { useTranslation } from 'react-i18next';
import type { Municipality } from '@kringbouw/contracts';

/** The options of a municipality select: City Deal municipalities first, then the others (empty groups left out). */
export function MunicipalityOptions({ groups }: { groups: { cityDeal: readonly Municipality[]; other: readonly Municipality[] } }) {
  const { t } = useTranslation();
  return (
    <>
      {(['cityDeal', 'other'] as const).map((group) =>
        groups[group].length > 0 ? (
          <optgroup key={group} label={t(`municipalities.${group}`)}>
            {groups[group].map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </optgroup>
        ) : null,
      )}
    </>
  );
}
