/**
 * The evaluation worker: runs the user's modules in its own process with its own heap limit,
 * and answers the compiler's requests with plain data (see session.ts for the other side).
 */
import type { Diagnostic } from "../diagnostics/index.js";
import { evaluateConfig, evaluateModules, newRunner, strayDiagnostic, type EvaluatedModules } from "./evaluate.js";
import { ExitCalled, recordFramesAlways } from "./modules.js";
import { watchNondeterminism } from "./nondeterminism.js";
import { noticeReads } from "./reads.js";
import { runRules, type RuleRun } from "./rules.js";
import type { RuleProject } from "../dsl/rules.js";

export type Request = { kind: "config"; file: string } | { kind: "modules"; files: string[] } | { kind: "rules"; files: string[]; project: RuleProject };

export type Reply =
  | { kind: "config"; result: ReturnType<typeof evaluateConfig>; cacheable: boolean }
  | { kind: "evaluating"; file: string }
  | { kind: "modules"; result: EvaluatedModules }
  | { kind: "rules"; result: RuleRun; cacheable: boolean };

export interface WorkerOptions {
  root: string;
  timeoutMs: number;
}

const { root, timeoutMs } = JSON.parse(process.argv[2]!) as WorkerOptions;
const runner = newRunner(root, timeoutMs);

// Kept before process.exit is replaced below, for the worker's own exit.
const exit = process.exit.bind(process);

// The compiler is gone (killed, or it exited without closing): nothing is waiting for us.
process.on("disconnect", () => exit(0));

// Errors that modules' timers and promises throw later, placed at their lines by their frames.
recordFramesAlways();
const strays: Diagnostic[] = [];
process.on("uncaughtException", (thrown) => strays.push(strayDiagnostic(runner, thrown, "exception")));
process.on("unhandledRejection", (reason) => strays.push(strayDiagnostic(runner, reason, "rejection")));

// A module that lowers Error.stackTraceLimit (to 0, say) would hide where it throws. User code
// sees Error through this proxy, which keeps the limit from going below Node's default of 10;
// raising it, and reading it, work as usual. The limit itself is left as it is: every call of
// the authoring API captures a stack (callSite), and a longer one would cost on each.
const MIN_STACK_TRACE_LIMIT = 10;
globalThis.Error = new Proxy(Error, {
  set(target, property, value: unknown) {
    if (property === "stackTraceLimit" && (typeof value !== "number" || value < MIN_STACK_TRACE_LIMIT)) return true;
    return Reflect.set(target, property, value);
  },
});

// A module that ends the process would end evaluation with no word of where: report the call.
process.exit = ((code?: unknown) => {
  throw new ExitCalled(code);
}) as typeof process.exit;

/**
 * Let what modules scheduled for "right after" run: pending promise reactions, immediates and
 * zero-delay timers, so a stray failure among them is reported the same way on every run.
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const nondeterminism = watchNondeterminism(runner);
noticeReads(runner);

process.on("message", async (request: Request) => {
  const reply = (message: Reply) => process.send!(message);
  if (request.kind === "config") {
    await runner.prepare([request.file]);
    // Watched as the DAG modules are, but only to know whether the result may be cached.
    nondeterminism.start();
    const result = evaluateConfig(runner, request.file);
    reply({ kind: "config", result, cacheable: nondeterminism.stop().modules.length === 0 });
    return;
  }
  if (request.kind === "rules") {
    await runner.prepare(request.files);
    nondeterminism.start();
    const result = runRules(runner, request.files, request.project, (file) => reply({ kind: "evaluating", file }));
    reply({ kind: "rules", result, cacheable: nondeterminism.stop().modules.length === 0 });
    return;
  }
  await runner.prepare(request.files);
  nondeterminism.start();
  const modules = evaluateModules(runner, request.files, (file) => reply({ kind: "evaluating", file }));
  const flagged = nondeterminism.stop();
  void settle().then(() => {
    const stray = strays.splice(0);
    // A stray failure belongs to no one module, so nothing of this run is trusted to the cache.
    const uncacheable = stray.length > 0 ? [...request.files] : flagged.modules;
    reply({ kind: "modules", result: { modules, diagnostics: [...stray, ...flagged.diagnostics], uncacheable } });
  });
});

