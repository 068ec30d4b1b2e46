/**
 * The evaluation worker: runs the user's modules on its own thread with its own heap limit,
 * and answers the compiler's requests with plain data (see session.ts for the other side).
 */
import { parentPort, workerData } from "node:worker_threads";
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

const { root, timeoutMs } = workerData as WorkerOptions;
const runner = newRunner(root, timeoutMs);
const port = parentPort!;

port.on("message", (request: Request) => {
  const reply = (message: Reply) => port.postMessage(message);
  if (request.kind === "config") reply({ kind: "config", result: evaluateConfig(runner, request.file) });
  else reply({ kind: "modules", result: evaluateModules(runner, request.files, (file) => reply({ kind: "evaluating", file })) });
});
