import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACK_MESSAGE, NOT_STORED_MESSAGE, watchAcks } from '../../client/sync/acks';
import { useConnectionStore } from '../../client/store/connectionStore';
import { en } from '../../client/i18n/en';
import { nl } from '../../client/i18n/nl';

type Handler = (e: encoding.Encoder, d: decoding.Decoder) => void;

/** Delivers one of our messages to the handler installed on the provider, as y-websocket's readMessage does. */
function deliver(handlers: Handler[], type: number, write: (e: encoding.Encoder) => void): void {
  const e = encoding.createEncoder();
  write(e);
  handlers[type]!(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(e)));
}

describe('the phone\'s "saved" and "not saved" state follows the server\'s ack and notStored messages', () => {
  it('not stored → shown until an ack covers everything; a new local change is unsaved again', () => {
    const doc = new Y.Doc();
    const handlers: Handler[] = [];
    const stop = watchAcks({ messageHandlers: handlers } as unknown as WebsocketProvider, doc, 'board');
    expect(useConnectionStore.getState().saved).toBeNull();
    doc.getMap('items').set('a', 1);
    deliver(handlers, NOT_STORED_MESSAGE, (e) => encoding.writeVarString(e, 'retrying'));
    expect(useConnectionStore.getState()).toMatchObject({ saved: false, notStored: true });
    // An ack of less than the phone has (an older state) changes nothing.
    deliver(handlers, ACK_MESSAGE, (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc())));
    expect(useConnectionStore.getState()).toMatchObject({ saved: false, notStored: true });
    deliver(handlers, ACK_MESSAGE, (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)));
    expect(useConnectionStore.getState()).toMatchObject({ saved: true, notStored: false });
    doc.getMap('items').set('b', 2);
    expect(useConnectionStore.getState().saved).toBe(false);
    stop();
    expect(useConnectionStore.getState()).toMatchObject({ saved: null, notStored: false });
  });

  it('says so in Dutch and English', () => {
    expect(nl['conn.notStored']).toBe('niet opgeslagen — we blijven het proberen');
    expect(en['conn.notStored']).toBe('not saved — we keep trying');
  });
});
