import { useTranslation } from 'react-i18next';
import type { TrafficLight as Light } from '@kringbouw/domain/agreements';

/** A traffic light as a coloured dot with its word: colour alone never carries the meaning. */
export function TrafficLight({ light, label }: { light: Light; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`traffic-light traffic-light--${light}`} data-light={light}>
      <span className="traffic-light__dot" aria-hidden="true" />
      {label ?? t(`agreements.lights.${light}`)}
    </span>
  );
}
