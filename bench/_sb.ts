import { runStorageBench } from './storageBench';
const r = await runStorageBench(false);
console.log(
  process.env.NODE_OPTIONS ?? 'default',
  r.syntheticLoadMs,
  r.syntheticLoadAfterLogGrowthMs,
  r.syntheticExportMs,
  r.demoLoadMs,
);
process.exit(0);
