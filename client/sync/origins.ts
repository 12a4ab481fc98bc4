/** Transaction origins, one per writer, so observers and undo can tell local edits from remote ones. */
export const LOCAL_ORIGIN = Symbol('werkplaats:local');
