import { describe, expect, it } from 'vitest';
import { emptyFormValues, parseNumber, requestBodyFromValues } from './form-values.ts';

describe('parseNumber', () => {
  it('reads Dutch and international notation', () => {
    expect(parseNumber('1.250')).toBe(1250);
    expect(parseNumber('1.250,5')).toBe(1250.5);
    expect(parseNumber('9800,5')).toBe(9800.5);
    expect(parseNumber('52.15')).toBe(52.15);
    expect(parseNumber(' 120 ')).toBe(120);
  });

  it('tells empty (undefined) from unreadable (NaN)', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('   ')).toBeUndefined();
    expect(parseNumber('vier')).toBeNaN();
    expect(parseNumber('12,5,3')).toBeNaN();
  });
});

describe('requestBodyFromValues', () => {
  it('sends absent optional groups as null and empty choices as undefined', () => {
    const body = requestBodyFromValues(emptyFormValues());
    expect(body).toMatchObject({ location: null, concept: null, bvoM2: null, kind: undefined, municipalityCode: undefined, name: undefined, parties: [] });
    expect(body.phaseDates).toEqual({ initiatief: null, ontwerp: null, realisatie: null, opgeleverd: null });
  });

  it('keeps half-filled groups so the schema can point at the missing half', () => {
    const body = requestBodyFromValues({ ...emptyFormValues(), lat: '52,1', conceptSupplier: 'Van Wijnen' });
    expect(body.location).toEqual({ lat: 52.1, lon: undefined });
    expect(body.concept).toEqual({ name: '', supplier: 'Van Wijnen' });
  });
});
