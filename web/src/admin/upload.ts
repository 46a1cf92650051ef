// Uploading a file with progress: fetch cannot report upload progress, XMLHttpRequest can. The
// CSRF token is the one the API client keeps for the tab (sessionStorage, key deeds.csrf).
import { ApiError } from '../api/client';

export function csrfTokenOfTab(): string | null {
  try {
    return sessionStorage.getItem('deeds.csrf');
  } catch {
    return null;
  }
}

/** POSTs the file as the raw body; `onProgress` gets bytes sent and the total. */
export function uploadFile<T>(url: string, file: Blob, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const csrf = csrfTokenOfTab();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'the upload did not reach the server'));
    xhr.onload = () => {
      let body: { title?: string; detail?: string; errors?: { field: string; message: string }[] } & Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        // A non-JSON answer: described by its status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body.title ?? xhr.statusText, body.detail ?? '', body.errors ?? []));
    };
    xhr.send(file);
  });
}
