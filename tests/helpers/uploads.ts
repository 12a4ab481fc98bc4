/** A small real PNG (16×10), as a phone's photo of a drawing: it passes the server's content check. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAKCAIAAAAy3EnLAAAAE0lEQVR4nGPQqzUiCTGMahiaGgA3xoohRYrEXgAAAABJRU5ErkJggg==',
  'base64',
);

/** Posts a photo to a workshop's uploads as `token` (none: anonymous); the raw response, for the test to check. */
export const postUpload = (url: string, workshopId: string, body: Buffer, token?: string, type = 'image/png') =>
  fetch(`${url}/api/workshops/${workshopId}/uploads`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
