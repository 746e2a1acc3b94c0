/**
 * Documents attached to the evidence of a procesafspraak: which kinds are accepted and how a file is recognised by
 * its own first bytes (its "magic number"), never by its name or the content type a browser sends along.
 *
 * Signatures (file format specifications):
 * - PDF: the header `%PDF-` (ISO 32000-1, §7.5.2 "File Header");
 * - PNG: the eight bytes 89 50 4E 47 0D 0A 1A 0A (PNG specification, §5.2 "PNG signature");
 * - JPEG: the SOI marker FF D8 followed by the next marker's FF (ITU-T T.81);
 * - docx, xlsx, odt are ZIP packages (PKWARE APPNOTE: local file header 50 4B 03 04, central directory entries
 *   50 4B 01 02, end of central directory 50 4B 05 06). An OpenDocument text stores the uncompressed entry `mimetype`
 *   first with the content `application/vnd.oasis.opendocument.text` (OpenDocument 1.2 Part 3, "MIME type stream");
 *   an Office Open XML package has `[Content_Types].xml` (ECMA-376 Part 2, Open Packaging Conventions) and its parts
 *   under `word/` (docx) or `xl/` (xlsx).
 *
 * Pure: bytes in, a verdict out.
 */

export const evidenceFileFormats = ['pdf', 'docx', 'xlsx', 'odt', 'png', 'jpeg'] as const;
export type EvidenceFileFormat = (typeof evidenceFileFormats)[number];

export interface EvidenceFileFormatInfo {
  /** The media type the file is stored and served with. */
  mediaType: string;
  /** File name extensions that belong to the format (lower case, without the dot). */
  extensions: readonly string[];
  /** Dutch name with article, as used in messages ("een PDF-bestand"). */
  nl: string;
}

export const evidenceFileFormatInfo: Record<EvidenceFileFormat, EvidenceFileFormatInfo> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], nl: 'een PDF-bestand' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], nl: 'een Word-document (docx)' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], nl: 'een Excel-werkmap (xlsx)' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], nl: 'een OpenDocument-tekst (odt)' },
  png: { mediaType: 'image/png', extensions: ['png'], nl: 'een PNG-afbeelding' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], nl: 'een JPEG-afbeelding' },
};

/** The accepted extensions, e.g. for an `accept` attribute: `.pdf,.docx,…`. */
export const evidenceFileExtensions: readonly string[] = evidenceFileFormats.flatMap((f) => evidenceFileFormatInfo[f].extensions);

const accepted = 'een PDF, Word-document (docx), Excel-werkmap (xlsx), OpenDocument-tekst (odt), PNG- of JPEG-afbeelding';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

function uint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function uint32(bytes: Uint8Array, at: number): number {
  return uint16(bytes, at) + uint16(bytes, at + 2) * 0x10000;
}

const zipLocal = [0x50, 0x4b, 0x03, 0x04];
const zipCentral = [0x50, 0x4b, 0x01, 0x02];
const zipEnd = [0x50, 0x4b, 0x05, 0x06];

/** Entry names from a ZIP's central directory; null when the directory cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record (22 bytes + a comment of at most 65,535 bytes) closes the archive.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (startsWith(bytes, zipEnd, at)) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = uint16(bytes, end + 10);
  let at = uint32(bytes, end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (!startsWith(bytes, zipCentral, at)) return null;
    const nameLength = uint16(bytes, at + 28);
    names.push(ascii(bytes, at + 46, nameLength));
    at += 46 + nameLength + uint16(bytes, at + 30) + uint16(bytes, at + 32);
  }
  return names;
}

/** The format of a ZIP package: odt by its leading `mimetype` entry, docx/xlsx by their parts; else null. */
function zipFormat(bytes: Uint8Array): EvidenceFileFormat | null {
  const firstName = ascii(bytes, 30, uint16(bytes, 26));
  if (firstName === 'mimetype' && uint16(bytes, 8) === 0) {
    const contentAt = 30 + uint16(bytes, 26) + uint16(bytes, 28);
    if (ascii(bytes, contentAt, uint32(bytes, 18)) === evidenceFileFormatInfo.odt.mediaType) return 'odt';
    return null;
  }
  const names = zipEntryNames(bytes);
  if (names === null || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** The accepted format the bytes are, by their signature; null for anything else. */
export function sniffEvidenceFileFormat(bytes: Uint8Array): EvidenceFileFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, zipLocal)) return zipFormat(bytes);
  return null;
}

/** The name to keep: without any folder a browser sent along, without control characters, at most 200 characters. */
export function evidenceFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - extension.length) + extension;
}

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
}

export type EvidenceFileCheck =
  | { ok: true; format: EvidenceFileFormat; mediaType: string }
  | { ok: false; code: 'empty_file' | 'unsupported_file_type' | 'file_type_mismatch'; message: string };

/**
 * Checks an uploaded evidence document: not empty, its bytes one of the accepted formats, and its name's extension
 * that format's (so a renamed file is refused rather than served under a wrong type). The messages are Dutch and
 * name the problem.
 */
export function checkEvidenceFile(file: { fileName: string; bytes: Uint8Array }): EvidenceFileCheck {
  const name = file.fileName === '' ? 'zonder naam' : `"${file.fileName}"`;
  if (file.bytes.length === 0) return { ok: false, code: 'empty_file', message: `Het bestand ${name} is leeg. Kies het bestand opnieuw.` };
  const format = sniffEvidenceFileFormat(file.bytes);
  const extension = extensionOf(file.fileName);
  const claimed = evidenceFileFormats.find((f) => extension !== null && evidenceFileFormatInfo[f].extensions.includes(extension));
  if (format === null) {
    const message =
      claimed === undefined
        ? `Het bestand ${name} wordt niet ondersteund. Voeg ${accepted} toe.`
        : `Het bestand ${name} is geen geldig bestand van deze soort: de inhoud is niet die van ${evidenceFileFormatInfo[claimed].nl}. Voeg ${accepted} toe.`;
    return { ok: false, code: 'unsupported_file_type', message };
  }
  const info = evidenceFileFormatInfo[format];
  if (extension === null || !info.extensions.includes(extension)) {
    const ending = extension === null ? 'heeft geen extensie' : `eindigt op .${extension}`;
    return { ok: false, code: 'file_type_mismatch', message: `Het bestand ${name} is ${info.nl}, maar de naam ${ending}. Geef het de extensie .${info.extensions[0] ?? format} of kies het juiste bestand.` };
  }
  return { ok: true, format, mediaType: info.mediaType };
}
