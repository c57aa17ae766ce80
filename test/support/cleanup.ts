// What to undo after each test: apps close their database and remove their temporary folder.
// The hook that runs these is in setup.ts, a setup file: setup files run for every test file, while
// a module such as app.ts is evaluated only once per worker, as test files share modules
// (isolate: false), so a hook registered at its top level would serve the first file only.
const cleanups: (() => void)[] = [];

/** Runs `cleanup` when the test that is running (or, from beforeAll, the next one) ends, pass or fail. */
export function afterThisTest(cleanup: () => void) {
  cleanups.push(cleanup);
}

/** Runs and forgets every cleanup registered so far. */
export function runCleanups() {
  for (const cleanup of cleanups.splice(0)) cleanup();
}
