// Setup file of every test project (see vitest.config.ts): runs before each test file.
import { afterEach } from "vitest";
import { runCleanups } from "./cleanup";

afterEach(runCleanups);
