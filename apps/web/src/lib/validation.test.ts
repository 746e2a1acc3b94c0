import { describe, expect, it } from 'vitest';
import { createProjectRequest, signInRequest } from '@kringbouw/contracts';
import { i18n } from '../i18n/index.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, issueMessage } from './validation.ts';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

function errorsFor(input: unknown) {
  const parsed = createProjectRequest.safeParse(input);
  if (parsed.success) throw new Error('expected invalid input');
  return fieldErrorsFromIssues(parsed.error.issues, nl);
}

describe('zod issue → Dutch message', () => {
  const errors = errorsFor({
    name: 'a',
    municipalityCode: undefined,
    kind: undefined,
    phase: 'bouw',
    dwellings: 12.5,
    bvoM2: -3,
    buildingType: 'gestapeld',
    location: { lat: 40, lon: Number.NaN },
    phaseDates: { initiatief: '2026-02-30', ontwerp: null, realisatie: null, opgeleverd: null },
    concept: { name: '', supplier: null },
    parties: [{ organisationId: 'not-a-uuid', role: 'sloper' }],
    ownerOrganisationId: undefined,
  });

  it('phrases length, range, type and choice problems in Dutch', () => {
    expect(errors.name).toBe('Gebruik minimaal 2 tekens.');
    expect(errors.municipalityCode).toBe('Vul dit veld in.');
    expect(errors.kind).toBe('Maak een keuze uit de lijst.');
    expect(errors.phase).toBe('Maak een keuze uit de lijst.');
    expect(errors.dwellings).toBe('Vul een geheel getal in, zonder komma.');
    expect(errors.bvoM2).toBe('Vul een waarde in groter dan 0.');
    expect(errors['location.lat']).toBe('Vul een waarde in van minimaal 50,7.');
    expect(errors['location.lon']).toBe('Vul een getal in, bijvoorbeeld 12,5.');
    expect(errors['phaseDates.initiatief']).toBe('Vul een geldige datum in.');
    expect(errors['concept.name']).toBe('Vul dit veld in.');
    expect(errors['parties.0.organisationId']).toBe('Maak een keuze uit de lijst.');
    expect(errors['parties.0.role']).toBe('Maak een keuze uit de lijst.');
    expect(errors.ownerOrganisationId).toBe('Vul dit veld in.');
  });

  it('formats bounds the Dutch way', () => {
    expect(issueMessage({ code: 'too_big', origin: 'number', maximum: 100000, inclusive: true, message: '' }, nl)).toBe(
      'Vul een waarde in van maximaal 100.000.',
    );
  });

  it('phrases an invalid e-mail address', () => {
    const parsed = signInRequest.safeParse({ email: 'geen-adres', password: 'x' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsFromIssues(parsed.error.issues, nl).email).toBe('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
  });

  it('uses the English text in the English UI', () => {
    expect(issueMessage({ code: 'too_small', origin: 'string', minimum: 12, inclusive: true, message: '' }, en)).toBe('Use at least 12 characters.');
  });

  it('keeps the first problem per field', () => {
    const result = fieldErrorsFromProblems(
      [
        { path: 'name', message: 'eerste' },
        { path: 'name', message: 'tweede' },
      ],
      nl,
    );
    expect(result).toEqual({ name: 'eerste' });
  });

  it('translates server details that carry a zod code and keeps plain server messages', () => {
    const result = fieldErrorsFromProblems(
      [
        { path: 'parties.0.role', message: 'Invalid option', code: 'invalid_value' },
        { path: 'ownerOrganisationId', message: 'U bent geen bewerker bij deze organisatie' },
      ],
      nl,
    );
    expect(result).toEqual({ 'parties.0.role': 'Maak een keuze uit de lijst.', ownerOrganisationId: 'U bent geen bewerker bij deze organisatie' });
  });

  it('keeps the server message when the detail lacks the bounds its sentence needs', () => {
    const result = fieldErrorsFromProblems([{ path: 'name', message: 'Te kort: verwacht dat string >=2 tekens heeft', code: 'too_small' }], nl);
    expect(result).toEqual({ name: 'Te kort: verwacht dat string >=2 tekens heeft' });
  });

  it('falls back to the issue message for unknown codes', () => {
    expect(issueMessage({ code: 'custom', message: 'Einddatum ligt voor de startdatum' }, nl)).toBe('Einddatum ligt voor de startdatum');
  });

  it('derives DOM ids from paths', () => {
    expect(fieldId('parties.0.role')).toBe('field-parties-0-role');
  });
});
