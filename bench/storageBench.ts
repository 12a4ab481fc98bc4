export async function runStorageBench(_quick: boolean): Promise<Record<string, number>> {
  return {};
}
