/**
 * File uploads for imports: multipart via XMLHttpRequest, because fetch cannot report upload progress and a 40 MB
 * IFC model takes a while to send.
 */
import { ApiError, clientErrorCodes, csrfHeaders } from './client.ts';
import { errorResponse } from '@kringbouw/contracts';

export interface UploadOptions {
  fields?: Record<string, string>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Posts `file` as the multipart field `file`; resolves with the status and parsed JSON body, rejects with ApiError. */
export function uploadFile(url: string, file: File, options: UploadOptions = {}): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, body });
        return;
      }
      const parsed = errorResponse.safeParse(body);
      reject(
        parsed.success
          ? new ApiError(xhr.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details)
          : new ApiError(xhr.status, `http_${xhr.status}`, xhr.statusText || `HTTP ${xhr.status}`),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, clientErrorCodes.network, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
