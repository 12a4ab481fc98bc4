/**
 * Attribution for `bench/client.ts`'s screen updates (`SCREEN_TRACE=1`): a Chromium trace of the update loop is read
 * back, and the renderer main thread's work inside each update's window is summed by what it was: the top-level tasks, and their self time by trace event name
 * (FunctionCall, Layout, Paint, MinorGC, TimerFire, ...). Tracing adds its own overhead, so these numbers explain the
 * untraced runs' numbers; they do not replace them. An update's window here runs from the previous update's end mark
 * (or `updates-begin`) to its own `update-end-<text>` mark, so it also holds the bench's round trips in between.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface WindowWork {
  /** Sum of the top-level tasks that overlap the window (ms). */
  tasksMs: number;
  /** Their thread time (ms): the CPU the main thread spent, without the time it waited for a core. */
  tasksCpuMs: number;
  /** How many top-level tasks. */
  tasks: number;
  /** Self time by event name (ms), largest first. */
  byName: Array<[string, number]>;
  /** The top-level tasks, each with its largest self-time parts. */
  taskList: Array<{ ms: number; top: string }>;
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/** Reads the trace (Chromium's JSON) and attributes the main thread's work in each marked window. */
export function attribute(traceJson: string, texts: string[]): WindowWork[] {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (/^update(s-begin|-end-.*)$/.test(e.name) && !marks.has(e.name)) marks.set(e.name, e);
  const first = marks.get('updates-begin');
  if (!first) throw new Error('no update marks in the trace');
  // The main thread of the screen's renderer: the one named CrRendererMain in the process that made the marks.
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === first.pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const slices = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time of every slice: its duration minus that of its direct children.
  const self = new Map<TraceEvent, number>();
  const topOf = new Map<TraceEvent, TraceEvent>();
  const stack: TraceEvent[] = [];
  for (const e of slices) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - e.dur!);
    self.set(e, (self.get(e) ?? 0) + e.dur!);
    const top = stack.find((s) => TOP_LEVEL.has(s.name)) ?? (TOP_LEVEL.has(e.name) ? e : undefined);
    if (top) topOf.set(e, top);
    stack.push(e);
  }
  const out: WindowWork[] = [];
  for (let i = 0; i < texts.length; i++) {
    const start = marks.get(i ? `update-end-${texts[i - 1]}` : 'updates-begin')?.ts;
    const end = marks.get(`update-end-${texts[i]}`)?.ts;
    if (start === undefined || end === undefined) continue;
    const tops = slices.filter((e) => topOf.get(e) === e);
    const inWindow = tops.filter((t) => t.ts + t.dur! > start && t.ts < end);
    const byName = new Map<string, number>();
    const perTask = new Map<TraceEvent, Map<string, number>>();
    for (const e of slices) {
      const top = topOf.get(e);
      if (!top || !inWindow.includes(top)) continue;
      const s = self.get(e) ?? 0;
      const key =
        e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch'
          ? `${e.name}${e.args?.data?.functionName ? ` ${String(e.args.data.functionName)}` : ''}${e.args?.data?.type ? ` ${String(e.args.data.type)}` : ''}`
          : e.name;
      byName.set(key, (byName.get(key) ?? 0) + s);
      const m = perTask.get(top) ?? new Map<string, number>();
      m.set(key, (m.get(key) ?? 0) + s);
      perTask.set(top, m);
    }
    const ms = (us: number) => Math.round(us / 100) / 10;
    out.push({
      tasksMs: ms(inWindow.reduce((n, t) => n + t.dur!, 0)),
      tasksCpuMs: ms(inWindow.reduce((n, t) => n + (t.tdur ?? t.dur!), 0)),
      tasks: inWindow.length,
      byName: [...byName]
        .sort((a, b) => b[1] - a[1])
        .filter(([, v]) => v >= 50)
        .map(([k, v]) => [k, ms(v)]),
      taskList: inWindow
        .map((t) => ({
          ms: ms(t.dur!),
          top: [...(perTask.get(t) ?? [])]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .filter(([, v]) => v >= 50)
            .map(([k, v]) => `${k} ${ms(v)}`)
            .join(', '),
        }))
        .filter((t) => t.ms >= 0.1),
    });
  }
  return out;
}
