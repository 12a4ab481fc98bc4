import http from 'node:http';

/**
 * The researcher's laptop in the export scenario (bench/loadRun.ts): asks for the same export back to back until
 * `until` (epoch ms) and reports each one's time. A process of its own at the phones' lower CPU priority, as the
 * phones are: in a room it is another device, not a process competing with the server and the projector for the
 * same two cores. Downloads as a browser saving a file would: the bytes are counted against Content-Length and let
 * go, never gathered into one buffer.
 */
export interface DownloadPlan {
  url: string;
  token: string;
  until: number;
}

function download(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on('error', reject);
      res.on('end', () => {
        const told = Number(res.headers['content-length']);
        if (res.statusCode !== 200 || bytes === 0 || bytes !== told) {
          reject(new Error(`export answered ${res.statusCode} with ${bytes} of ${told} bytes`));
        } else resolve(bytes);
      });
    });
    req.on('error', reject);
  });
}

process.once('message', (plan: DownloadPlan) => {
  void (async () => {
    const exportMs: number[] = [];
    while (Date.now() < plan.until) {
      const t0 = Date.now();
      await download(plan.url, plan.token);
      exportMs.push(Date.now() - t0);
    }
    process.send!({ exportMs }, () => process.exit(0));
  })().catch((err: unknown) => {
    console.error('[bench] export download failed:', err);
    process.exit(1);
  });
});
