import type { Command } from '../../shared/protocol';
import { EVENTS, type Ack } from '../../shared/protocolCodes';
import { t } from '../i18n/i18n';
import { useCommandStore } from '../store/commandStore';
import { getActiveWorkshop } from './activeWorkshop';

const COMMAND_TIMEOUT_MS = 8000;

/** Sends one command to the server and resolves with its ack (a timeout becomes a failed ack). */
export function sendCommand(command: Command): Promise<Ack> {
  const socket = getActiveWorkshop()?.socket;
  if (!socket) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not connected' } });
  return new Promise((resolve) => {
    socket.timeout(COMMAND_TIMEOUT_MS).emit(EVENTS.command, command, (err: unknown, ack: Ack | undefined) => {
      if (err || !ack) resolve({ ok: false, error: { code: 'internal', message: t('conn.reconnecting') } });
      else resolve(ack);
    });
  });
}

/** Sends a command on the facilitator's behalf; a refusal is kept in the command store for the console to show. */
export async function runCommand(command: Command): Promise<boolean> {
  useCommandStore.setState((s) => ({ busy: s.busy + 1 }));
  const ack = await sendCommand(command);
  useCommandStore.setState((s) => ({
    busy: s.busy - 1,
    error: ack.ok
      ? s.error
      : { type: command.type, code: ack.error.code, message: ack.error.message || ack.error.code },
  }));
  return ack.ok;
}

export const dismissCommandError = (): void => useCommandStore.setState({ error: null });
