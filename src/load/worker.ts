/**
 * The evaluation worker: runs the user's modules in its own process with its own heap limit,
 * and answers the compiler's requests with plain data (see session.ts for the other side).
 */
import { evaluateConfig, evaluateModules, newRunner } from "./evaluate.js";

export type Request = { kind: "config"; file: string } | { kind: "modules"; files: string[] };

export type Reply =
  | { kind: "config"; result: ReturnType<typeof evaluateConfig> }
  | { kind: "evaluating"; file: string }
  | { kind: "modules"; result: ReturnType<typeof evaluateModules> };

export interface WorkerOptions {
  root: string;
  timeoutMs: number;
}

const { root, timeoutMs } = JSON.parse(process.argv[2]!) as WorkerOptions;
const runner = newRunner(root, timeoutMs);

// The compiler is gone (killed, or it exited without closing): nothing is waiting for us.
process.on("disconnect", () => process.exit(0));

process.on("message", (request: Request) => {
  const reply = (message: Reply) => process.send!(message);
  if (request.kind === "config") reply({ kind: "config", result: evaluateConfig(runner, request.file) });
  else reply({ kind: "modules", result: evaluateModules(runner, request.files, (file) => reply({ kind: "evaluating", file })) });
});
