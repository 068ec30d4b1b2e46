/** What one task kind's Airflow emitter is: the operator class it writes, and a keyword table over its IR fields. */
import type { PythonName } from "../../../capabilities/index.js";
import type { FieldsOf, TaskKind } from "../../../ir/kinds/index.js";
import type { ResolvedTaskOf } from "../../../ir/resolved.js";
import type { EmitContext } from "../context.js";
import type { KeywordTable } from "../keywords.js";

/** An operator dagwright knows by name, or any class by its import path (the escape hatch). */
export type Operator = PythonName | { import: string };

/** Python helpers a kind's tasks call in the generated file (templates/airflow/<name>.py.hbs). */
export type Helper = "python_callable";

export interface OperatorEmitter<K extends TaskKind> {
  operator(task: ResolvedTaskOf<K>, context: EmitContext): Operator;
  /** Every field of the kind's IR: the keywords it becomes, or where it is expressed instead. */
  fields: KeywordTable<ResolvedTaskOf<K>, FieldsOf<K>>;
  /** The helpers its tasks call: always the same ones, or as a task's own values need. */
  helpers?: readonly Helper[] | ((task: ResolvedTaskOf<K>) => readonly Helper[]);
  /** Statements the task's statement needs before it (a function it passes), unindented. */
  prelude?(task: ResolvedTaskOf<K>, context: EmitContext): string[];
}
