/** What the benchmark's parent hands each load process, and what it gets back. */
export interface BenchWorkshop {
  id: string;
  joinCode: string;
  groups: Array<{ id: string; name: string }>;
  tokens: { facilitator: string; screen: string; researcher: string };
}

export interface WorkerPlan {
  mode: 'ours' | 'reference';
  url: string;
  /** The workshops this process plays, each with the range of phone seats it plays (a screen each). */
  workshops: Array<{ w: BenchWorkshop; from: number; to: number }>;
  sessionId: string;
  warmupMs: number;
  steadyMs: number;
  /** Mean time between two writes of one phone. */
  writeEveryMs: number;
}

export interface WorkerReport {
  latencies: number[];
  burstLatencies: number[];
  joinMs: number[];
  wireBytes: number;
  wireMessages: number;
  errors: number;
  lost: number;
  phones: number;
  /** The load process's event-loop delay (p99) during the steady load. */
  lagP99Ms: number;
}
