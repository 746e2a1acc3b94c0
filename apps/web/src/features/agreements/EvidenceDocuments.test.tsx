/** Evidence with an uploaded document (form, list, download link) and withdrawing an approval with a confirm step. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Agreement, EvidenceDto } from '@kringbouw/contracts';
import { i18n } from '../../i18n/index.ts';
import { AgreementView } from './AgreementPage.tsx';
import { fileSizeText } from './labels.ts';
import { agreementId, gemeenteId, huurdersId, json, makeAgreement, makeProgress, processId, renderWith, sessionFor } from './test/fixtures.tsx';

let calls: { url: string; method: string; body: unknown }[] = [];
let evidenceItems: EvidenceDto[] = [];
let uploadAnswer: () => Response = () => json(500, {});
let withdrawAnswer: () => Response = () => json(500, {});

const recorded: EvidenceDto = {
  id: '12345678-1234-4234-8234-123456789012',
  commitmentId: processId,
  note: 'Eerste bijeenkomst gehouden.',
  date: '2027-03-14',
  documentTitle: null,
  documentUrl: null,
  file: { name: 'Verslag bijeenkomst.pdf', sizeBytes: 1_572_864, mediaType: 'application/pdf', format: 'pdf' },
  organisationId: huurdersId,
  organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)',
  recordedBy: { id: '88888888-8888-4888-8888-888888888888', name: 'Bestuurslid Huurdersorganisatie (demo)' },
  recordedAt: '2027-03-15T09:00:00.000Z',
};

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  calls = [];
  evidenceItems = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body instanceof FormData ? init.body : init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, method, body });
      if (url.startsWith(`/api/agreements/${agreementId}/progress`)) return json(200, makeProgress());
      if (url.startsWith(`/api/agreements/${agreementId}/comments`)) return json(200, { items: [] });
      if (url === `/api/agreements/${agreementId}/evidence/upload`) return uploadAnswer();
      if (url.startsWith(`/api/agreements/${agreementId}/evidence`)) return json(200, { items: evidenceItems });
      if (url.startsWith(`/api/agreements/${agreementId}/versions`)) return json(200, { items: [makeAgreement().workingVersion] });
      if (url.startsWith(`/api/agreements/${agreementId}/approvals/`) && method === 'DELETE') return withdrawAnswer();
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const huurdersBewerker = sessionFor([{ organisationId: huurdersId, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', organisationKind: 'huurdersorganisatie', role: 'bewerker' }]);
const gemeenteBewerker = sessionFor([{ organisationId: gemeenteId, organisationName: 'Gemeente Leiden', organisationKind: 'gemeente', role: 'bewerker' }]);

function processCard(): HTMLElement {
  return document.querySelector(`[data-commitment-id="${processId}"]`) as HTMLElement;
}

describe('evidence with a document', () => {
  it('sends the document with the evidence as multipart and shows a refused file at its field', async () => {
    uploadAnswer = () =>
      json(400, { error: { code: 'validation_failed', message: 'De invoer is niet geldig.', details: [{ path: 'file', code: 'file_type_mismatch', message: 'Het bestand "foto.pdf" is een PNG-afbeelding, maar de naam eindigt op .pdf.' }] } });
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    fireEvent.click(within(processCard()).getByRole('button', { name: 'Bewijs vastleggen' }));
    const form = within(processCard()).getByRole('form', { name: 'Bewijs vastleggen' });
    const input = within(form).getByLabelText('Document (niet verplicht)') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg');
    expect(input.getAttribute('aria-describedby')).toContain('file-hint');
    fireEvent.change(within(form).getByLabelText('Wat is er gedaan?'), { target: { value: 'Excursie gemaakt.' } });
    fireEvent.change(within(form).getByLabelText('Datum'), { target: { value: '2027-03-14' } });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'foto.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewijs opslaan' }));

    expect(await within(form).findByText('Het bestand "foto.pdf" is een PNG-afbeelding, maar de naam eindigt op .pdf.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe(`/api/agreements/${agreementId}/evidence/upload`);
    if (!(post?.body instanceof FormData)) throw new Error('the evidence was not sent as multipart');
    expect(Object.fromEntries([...post.body.entries()].filter(([name]) => name !== 'file'))).toEqual({ commitmentId: processId, note: 'Excursie gemaakt.', date: '2027-03-14', organisationId: huurdersId });
    expect((post.body.get('file') as File).name).toBe('foto.pdf');
  });

  it('sends evidence without a document as JSON, as before', async () => {
    uploadAnswer = () => json(500, {});
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    fireEvent.click(within(processCard()).getByRole('button', { name: 'Bewijs vastleggen' }));
    const form = within(processCard()).getByRole('form', { name: 'Bewijs vastleggen' });
    fireEvent.change(within(form).getByLabelText('Wat is er gedaan?'), { target: { value: 'Excursie gemaakt.' } });
    fireEvent.change(within(form).getByLabelText('Datum'), { target: { value: '2027-03-14' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewijs opslaan' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')?.url).toBe(`/api/agreements/${agreementId}/evidence`);
  });

  it('lists the document with its name, type and size, linked to its download', async () => {
    evidenceItems = [recorded];
    renderWith(<AgreementView agreement={makeAgreement()} />, sessionFor([]));
    const file = await within(processCard()).findByTestId('evidence-file');
    expect(file.textContent).toBe('Verslag bijeenkomst.pdf (PDF, 1,5 MB)');
    const link = within(file).getByRole('link', { name: 'Verslag bijeenkomst.pdf' });
    expect(link.getAttribute('href')).toBe(`/api/agreements/${agreementId}/evidence/${recorded.id}/file`);
    expect([fileSizeText(90), fileSizeText(20_480), fileSizeText(20 * 1024 * 1024)]).toEqual(['1 kB', '20 kB', '20,0 MB']);
  });
});

describe('withdrawing an approval', () => {
  it('offers "Goedkeuring intrekken" to the approving party only and withdraws after confirmation', async () => {
    const withdrawn: Agreement = makeAgreement();
    withdrawAnswer = () => json(200, { ...withdrawn, workingVersion: { ...withdrawn.workingVersion, approvals: [], approvalStatus: withdrawn.workingVersion.approvalStatus.map((s) => ({ ...s, approved: false })) } });
    // the huurdersorganisatie has not approved: nothing to withdraw, only its own approve button
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    expect(screen.queryByRole('button', { name: 'Goedkeuring intrekken' })).toBeNull();
    cleanup();

    renderWith(<AgreementView agreement={makeAgreement()} />, gemeenteBewerker);
    const approvals = screen.getByRole('heading', { name: 'Goedkeuring van versie 1' }).closest('section') as HTMLElement;
    const button = within(approvals).getByRole('button', { name: 'Goedkeuring intrekken' });
    // cancelled: nothing is sent
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(button);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Weet u zeker dat u de goedkeuring namens Gemeente Leiden wilt intrekken?'));
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    // confirmed: DELETE with the revision read, and the answer shows the approval gone
    vi.stubGlobal('confirm', vi.fn(() => true));
    fireEvent.click(button);
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true));
    expect(calls.find((call) => call.method === 'DELETE')?.url).toBe(`/api/agreements/${agreementId}/approvals/${gemeenteId}?revision=7`);
  });

  it('shows no withdraw button once the version is signed, and the API’s refusal when it comes', async () => {
    const signed = makeAgreement({
      cycle: { ...makeAgreement().cycle, state: 'ondertekend', signedAt: '2026-12-10T10:00:00.000Z' },
      workingVersion: { ...makeAgreement().workingVersion, signed: true, signedAt: '2026-12-10T10:00:00.000Z' },
      signedVersionNumber: 1,
    });
    renderWith(<AgreementView agreement={signed} />, gemeenteBewerker);
    expect(screen.queryByRole('button', { name: 'Goedkeuring intrekken' })).toBeNull();
    cleanup();

    withdrawAnswer = () => json(409, { error: { code: 'already_signed', message: 'Deze versie is door alle partijen ondertekend: een goedkeuring kan niet meer worden ingetrokken.' } });
    vi.stubGlobal('confirm', vi.fn(() => true));
    renderWith(<AgreementView agreement={makeAgreement()} />, gemeenteBewerker);
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuring intrekken' }));
    expect(await screen.findByText(/een goedkeuring kan niet meer worden ingetrokken/)).toBeTruthy();
  });
});
