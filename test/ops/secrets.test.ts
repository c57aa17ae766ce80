import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  builtServer,
  fullResponse,
  http,
  prepareRound,
  SERVER_NODE_ARGS,
  type ServerProcess,
  startServer,
} from "../support/server-process";

const run = promisify(execFile);
const servers: ServerProcess[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.child.kill("SIGKILL");
});

describe("SECRETS_DIR at start-up", () => {
  it("refuses to start, in one line, when the database holds sealed responses and the key is gone", async () => {
    const server = await startServer();
    servers.push(server);
    const { tokens } = await prepareRound(server, 2);
    expect((await http(server, "POST", `/api/v1/s/${tokens[0]}/response`, fullResponse(1))).status).toBe(201);
    server.child.kill("SIGTERM");
    await server.exited;

    rmSync(server.secretsDir, { recursive: true });
    const failure = await run(process.execPath, [...SERVER_NODE_ARGS, await builtServer()], {
      env: { ...process.env, DATA_DIR: server.dataDir, SECRETS_DIR: server.secretsDir, PORT: "1", LOG_LEVEL: "warn" },
      timeout: 30_000,
    }).catch((err: { code: number; stderr: string }) => err);
    expect("code" in failure && failure.code).toBe(2);
    const stderr = "stderr" in failure ? failure.stderr : "";
    expect(stderr).toMatch(
      /^netmirror: Invalid SECRETS_DIR: .*netmirror\.key is missing but the database holds 1 sealed response; restore the key/,
    );
    expect(stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
