/** What the benchmark's parent hands each load process, and what it gets back. */
export interface BenchWorkshop {
  id: string;
  joinCode: string;
  groups: Array<{ id: string; name: string }>;
  tokens: { facilitator: string; screen: string; researcher: string };
}

export interface WorkerPlan {
  mode: 'ours' | 'reference';
  /**
   * `phones`: plays phones (and researchers) that write; `screens`: plays the workshops' screens, where latency is
   * measured. The screens have a process of their own, as a projector is a device of its own in the room.
   */
  role: 'phones' | 'screens';
  url: string;
  /** The workshops this process plays, each with the range of phone seats it plays. */
  workshops: Array<{ w: BenchWorkshop; from: number; to: number }>;
  sessionId: string;
  warmupMs: number;
  steadyMs: number;
  /** Mean time between two writes of one phone. */
  writeEveryMs: number;
  /**
   * False: the phones receive every relayed update but do not apply it (the screens always do). For the plenary,
   * where 1,000 phone documents applying every update would be the load generator's CPU, not the server's.
   */
  phonesApply: boolean;
}

/** When the load starts and when everybody posts at once (0: no burst); epoch ms, sent to every process. */
export interface LoadStart {
  startAt: number;
  burstAt: number;
}

/** A phone process, once it has written everything: the texts it wrote (each carries its send time). */
export interface PhonesReport {
  /** Texts written in the measured part of the steady load. */
  steady: string[];
  burst: string[];
  joinMs: number[];
  errors: number;
  phones: number;
  /** The load process's event-loop delay (p99) during the steady load. */
  lagP99Ms: number;
}

/** The screens process: write-to-screen latency of every text it was told to expect and saw. */
export interface ScreensReport {
  /** Text → milliseconds from its writer's transaction to the screen's document. */
  seen: Record<string, number>;
  wireBytes: number;
  wireMessages: number;
  lagP99Ms: number;
}

/**
 * The clock the send time travels on: epoch milliseconds with sub-millisecond resolution (the time origin plus the
 * monotonic clock), comparable between processes on one machine.
 */
export const benchClock = (perf: { timeOrigin: number; now(): number }): number => perf.timeOrigin + perf.now();

/** The send time written into a text by `textAt`. */
export const sentAt = (text: string): number => Number(text.split(' ')[1]);

/** A bench note's text: unique, with its send time as the second word. */
export const textAt = (key: string, at: number, words: string): string => `${key} ${at.toFixed(3)} ${words}`;
