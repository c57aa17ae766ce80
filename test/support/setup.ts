// Setup file of every test file, whichever part of the suite runs (see vitest.config.ts).
import { afterEach } from "vitest";
import { runCleanups } from "./cleanup";

afterEach(runCleanups);
