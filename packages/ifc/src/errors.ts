/** A file the importer cannot read, with a stable code and a one-line message in Dutch and English. */
export type IfcImportErrorCode = 'not_ifc' | 'unsupported_schema' | 'corrupt' | 'cancelled' | 'too_large';

const messages: Record<IfcImportErrorCode, { nl: string; en: string }> = {
  not_ifc: {
    nl: 'Dit is geen IFC-bestand (STEP, ISO-10303-21).',
    en: 'This is not an IFC file (STEP, ISO-10303-21).',
  },
  unsupported_schema: {
    nl: 'Dit IFC-schema wordt niet ondersteund; exporteer als IFC2X3 of IFC4.',
    en: 'This IFC schema is not supported; export as IFC2X3 or IFC4.',
  },
  corrupt: {
    nl: 'Het IFC-bestand is beschadigd of onvolledig en kan niet worden gelezen.',
    en: 'The IFC file is damaged or incomplete and cannot be read.',
  },
  cancelled: { nl: 'De import is afgebroken.', en: 'The import was cancelled.' },
  too_large: {
    nl: 'Het IFC-model is te groot om in het geheugen te verwerken.',
    en: 'The IFC model is too large to process in memory.',
  },
};

export class IfcImportError extends Error {
  readonly code: IfcImportErrorCode;
  readonly messageNl: string;
  readonly messageEn: string;
  /** Extra detail, e.g. the schema name found in the header. */
  readonly detail: string | undefined;

  constructor(code: IfcImportErrorCode, detail?: string) {
    const text = messages[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${text.nl}${suffix} / ${text.en}${suffix}`);
    this.name = 'IfcImportError';
    this.code = code;
    this.messageNl = `${text.nl}${suffix}`;
    this.messageEn = `${text.en}${suffix}`;
    this.detail = detail;
  }
}

export function isIfcImportError(value: unknown): value is IfcImportError {
  return value instanceof IfcImportError;
}
