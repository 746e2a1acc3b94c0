/**
 * Reading a multipart form with text fields and at most one file (buffered, within the size limit that the route's
 * scope registered @fastify/multipart with). Shared by the routes that take a document with a form: monitoring's
 * declaration with its report PDF, and the evidence of prestatieafspraken.
 */
import type { FastifyRequest } from 'fastify';
import { type AppError, validationFailed } from '../errors.ts';

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Text fields plus the file part named `fileField`, in any order. A file part under another name is a 400; a file
 * beyond the limit throws `tooLarge()`. The file is returned as sent, also when it is empty (the caller decides).
 */
export async function readMultipartForm(request: FastifyRequest, options: { fileField: string; tooLarge: () => AppError }): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw options.tooLarge();
        if (part.fieldname !== options.fileField) throw validationFailed([{ path: part.fieldname, message: `Alleen het veld "${options.fileField}" mag een bestand bevatten.` }]);
        file = { fileName: part.filename, bytes };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if (isFileTooLarge(error)) throw options.tooLarge();
    throw error;
  }
  return { fields, file };
}
