/** DW128: setups and teardowns as Airflow requires them. */
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import type { ResolvedDag } from "../ir/resolved.js";

export function checkSetupTeardown(dag: ResolvedDag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const setups = new Set(dag.tasks.filter((task) => task.ir.options.setup).map((task) => task.id));
  for (const task of dag.tasks) {
    const { teardown, setup } = task.ir.options;
    const where = { dag: dag.id, task: task.id };
    if (teardown && setup) diagnostics.push(diagnose("DW128", { ...where, both: true }, task.ir.location));
    for (const named of teardown?.setups ?? []) {
      if (!setups.has(named)) diagnostics.push(diagnose("DW128", { ...where, notASetup: named }, task.ir.location));
    }
  }
  // Airflow refuses a DAG where work right after a setup could run although the setup failed.
  for (const setup of setups) {
    for (const id of dag.task(setup)!.downstream) {
      const task = dag.task(id)!;
      if (task.ir.options.teardown) continue;
      const rule = task.effective.triggerRule ?? "all_success";
      if (rule !== "all_success") diagnostics.push(diagnose("DW128", { dag: dag.id, task: task.id, setup, rule }, task.ir.location));
    }
  }
  return diagnostics;
}
