import type { ExerciseState } from '../../shared/controlDoc';
import { useControlStore } from '../store/controlStore';
import { runCommand, sendCommand } from '../sync/commands';
import type { Ack } from '../../shared/protocol';

const EMPTY: ExerciseState = {};

/** The server-written state of a session's exercise (pitch order, consult schedule, …). */
export const useExerciseState = (sessionId: string): ExerciseState =>
  useControlStore((s) => s.exercises[sessionId] ?? EMPTY);

/** Sends an exercise action (any role); resolves with the server's ack. */
export const sendExerciseAction = (sessionId: string, action: string, payload?: unknown): Promise<Ack> =>
  sendCommand({ type: 'exercise', sessionId, action, payload });

/** Sends an exercise action from the console; a refusal shows in the console's command error. */
export const runExerciseAction = (sessionId: string, action: string, payload?: unknown): Promise<boolean> =>
  runCommand({ type: 'exercise', sessionId, action, payload });
