/**
 * The escape hatch: DW126, an operator class by the import path of any module, and arguments
 * Python can take; DW197, `py.*` values Python can build; DW198, a class name the generated file
 * can import; DW199, dicts that misuse the "$py" tag.
 */
import { GENERATED_NAMES, PYTHON_KEYWORDS, PYTHON_NAMES } from "../../capabilities/index.js";
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import type { JsonValue } from "../../ir/common.js";
import { PYTHON_IDENTIFIER } from "../../values/names.js";
import {
  parseCalendarDate, parseDateTime, parseImportPath, parseTime, parseZone, pyShapeProblem, pyTag,
  TIMEDELTA_MAX_SECONDS, TIMEDELTA_PARTS, timedeltaSeconds, type TimedeltaPart,
} from "../../values/python.js";
import { about, type KindRule } from "../context.js";

const TAKEN: ReadonlySet<string> = new Set([...GENERATED_NAMES, ...PYTHON_NAMES, "Param", "zoneinfo"]);

export const checkOperator: KindRule<"operator"> = (task, context) => {
  const diagnostics: Diagnostic[] = [];
  const { config, location } = task.ir;
  const parsed = parseImportPath(config.import);
  if ("problem" in parsed) diagnostics.push(diagnose("DW126", { ...about(task), importPath: config.import, problem: parsed.problem }, location));
  else {
    if (TAKEN.has(parsed.name)) diagnostics.push(diagnose("DW198", { ...about(task), importPath: config.import, name: parsed.name }, location));
    // Another escape-hatch task of the DAG importing a class of the same name from elsewhere.
    const other = context.dag.tasks.find((t) => {
      if (t.ir.config.kind !== "operator" || t.id === task.id) return false;
      const theirs = parseImportPath(t.ir.config.import);
      return !("problem" in theirs) && theirs.name === parsed.name && theirs.module !== parsed.module;
    });
    if (other && other.ir.config.kind === "operator") diagnostics.push(diagnose("DW198", { ...about(task), importPath: config.import, name: parsed.name, other: other.ir.config.import }, location));
  }
  for (const [argument, value] of Object.entries(config.args)) {
    // A keyword (class, lambda, None) is an identifier, but `class=...` is a syntax error in a call.
    if (!PYTHON_IDENTIFIER.test(argument) || PYTHON_KEYWORDS.has(argument) || argument === "task_id") {
      diagnostics.push(diagnose("DW126", { ...about(task), argument, ...(PYTHON_KEYWORDS.has(argument) ? { keyword: true as const } : {}) }, location));
    }
    for (const found of valueProblems(value, argument)) {
      diagnostics.push(found.shape ? diagnose("DW199", { ...about(task), path: found.path, problem: found.problem }, location) : diagnose("DW197", { ...about(task), path: found.path, problem: found.problem }, location));
    }
  }
  return diagnostics;
};

interface Found {
  path: string;
  problem: string;
  /** A "$py" dict of no known shape (DW199) rather than a bad value of a known one (DW197). */
  shape?: true;
}

/** The problems of one argument value, recursively, each at its path (`windows[0].start`). */
function valueProblems(value: JsonValue, path: string): Found[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => valueProblems(item, `${path}[${index}]`));
  if (typeof value !== "object" || value === null) return [];
  if (pyTag(value) === undefined) return Object.entries(value).flatMap(([key, item]) => valueProblems(item, `${path}.${key}`));
  const shape = pyShapeProblem(value);
  if (shape) return [{ path, problem: shape, shape: true }];
  const problem = pyValueProblem(value as Record<string, unknown>);
  return problem ? [{ path, problem }] : [];
}

function pyValueProblem(value: Record<string, unknown>): string | undefined {
  switch (value.$py) {
    case "timedelta": {
      for (const part of TIMEDELTA_PARTS) {
        const amount = value[part];
        if (amount === undefined) continue;
        if (typeof amount === "string") return `py.timedelta(${JSON.stringify(amount)}): not a duration such as "90s", "5m", "2h" or "1d"`;
        if (typeof amount !== "number" || !Number.isFinite(amount)) return `py.timedelta: ${part} must be a finite number, not ${JSON.stringify(amount)}`;
      }
      const seconds = timedeltaSeconds(value as { [P in TimedeltaPart]?: number });
      if (Math.abs(seconds) > TIMEDELTA_MAX_SECONDS) return "py.timedelta: Python's timedelta holds under a billion days";
      return undefined;
    }
    case "date":
      return typeof value.date === "string" && parseCalendarDate(value.date) ? undefined : `py.date(${JSON.stringify(value.date)}): not a real date as "YYYY-MM-DD"`;
    case "time": {
      if (typeof value.time !== "string" || !parseTime(value.time)) return `py.time(${JSON.stringify(value.time)}): not a time as "HH:MM", "HH:MM:SS" or "HH:MM:SS.ffffff"`;
      return zoneProblem(value.tz, "py.time");
    }
    case "datetime": {
      const parsed = typeof value.datetime === "string" ? parseDateTime(value.datetime) : undefined;
      if (!parsed) return `py.datetime(${JSON.stringify(value.datetime)}): not a date and time as "YYYY-MM-DDTHH:MM[:SS[.ffffff]]" with an optional "Z" or "+HH:MM"`;
      if (parsed.zone !== undefined && value.tz !== undefined) return `py.datetime(${JSON.stringify(value.datetime)}): the text has its zone, and tz gives another`;
      if (parsed.zone === undefined && value.tz === undefined) return `py.datetime(${JSON.stringify(value.datetime)}) has no time zone; Airflow compares datetimes with aware ones`;
      return zoneProblem(parsed.zone ?? value.tz, "py.datetime");
    }
    case "callable": {
      const target = value.target;
      if (typeof target !== "string" || !target.includes(":")) return `py.callable(${JSON.stringify(target)}) is not "package.module:function"`;
      const parsed = parseImportPath(target);
      return "problem" in parsed ? `py.callable(${JSON.stringify(target)}): ${parsed.problem}` : undefined;
    }
  }
  return undefined;
}

function zoneProblem(tz: unknown, helper: string): string | undefined {
  if (tz === undefined) return undefined;
  return typeof tz === "string" && parseZone(tz) ? undefined : `${helper}: tz ${JSON.stringify(tz)} is not "UTC", an offset such as "+02:00" or an IANA time zone`;
}
