import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import type { Ack, Command, CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';

/** Polls a condition until it holds or the timeout passes; tests wait for conditions, never for time. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  { timeout = 5000, interval = 20 } = {},
): Promise<NonNullable<T>> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - start > timeout) {
      throw new Error(`condition not met within ${timeout} ms${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function api<T = unknown>(
  url: string,
  path: string,
  opts: { method?: string; body?: unknown; token?: string; raw?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method: opts.method ?? (opts.body !== undefined || opts.raw !== undefined ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function createWorkshop(url: string, organiserKey: string, groups = ['Utrecht', 'Zaandam', 'Dordrecht']) {
  const r = await api<CreateWorkshopResponse>(url, '/api/workshops', {
    token: organiserKey,
    body: { title: 'Testwerkplaats', groups },
  });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function joinAs(
  url: string,
  w: CreateWorkshopResponse,
  name: string,
  groupIndex = 0,
  side: 'formal' | 'informal' = 'formal',
): Promise<JoinResponse> {
  const groupId = w.groups[groupIndex]?.id ?? '';
  const r = await api<JoinResponse>(url, '/api/join', {
    body: { code: w.joinCode, name, groupId, side, consent: true },
  });
  if (r.status !== 201) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events seen: code and reason. */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

/** A real y-websocket client, as a browser would connect. */
export function yClient(url: string, workshopId: string, docName: string, token: string): YClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/yjs', `${workshopId}/${docName}`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // The server's ack (100) and notStored (101) messages (docs/API.md); tests that follow them use client/sync/acks.ts.
  provider.messageHandlers[100] = provider.messageHandlers[101] = () => undefined;
  const closes: YClient['closes'] = [];
  provider.on('connection-close', (ev) => {
    if (ev) closes.push({ code: ev.code, reason: ev.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export const synced = (c: YClient) => waitFor(() => c.provider.synced);

/** A real socket.io client with a promise-returning `command`. */
export function ioClient(url: string, token: string) {
  const socket: Socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return {
    socket,
    connected: () =>
      new Promise<void>((resolve, reject) => {
        if (socket.connected) return resolve();
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      }),
    command: (cmd: Command | { type: string; [k: string]: unknown }) =>
      new Promise<Ack>((resolve) => socket.emit('command', cmd, (ack: Ack) => resolve(ack))),
    close: () => socket.close(),
  };
}
