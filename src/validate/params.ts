/**
 * A DAG's params: schemas JSON Schema accepts (DW195), defaults that satisfy them and defaults
 * for scheduled runs (DW129), trigger-form labels that label something (DW196). The schema is
 * checked with ajv as Airflow checks it with jsonschema when a run starts, formats included.
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { diagnose, type Diagnostic } from "../diagnostics/index.js";
import { PARAM_FORMATS, type Dag, type Param, type ParamItems, type ParamType } from "../ir/schema.js";

let ajvInstance: Ajv2020 | undefined;

/** One ajv for every param: JSON Schema 2020-12 (jsonschema's default) and the formats Airflow knows. */
function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  const instance = new Ajv2020({ strict: true, strictTypes: false, allErrors: false, validateFormats: true });
  // ajv-formats is CommonJS: its plugin is the module's default export, or the module itself.
  type Plugin = (ajv: Ajv2020) => unknown;
  const plugin = (addFormats as unknown as { default?: Plugin }).default ?? (addFormats as unknown as Plugin);
  plugin(instance);
  // Airflow's jsonschema checks "time" as HH:MM:SS (what its trigger form's time picker writes).
  instance.addFormat("time", /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
  instance.addFormat("multiline", true);
  instance.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  instance.addFormat("idn-hostname", true);
  return (ajvInstance = instance);
}

/** The JSON schema Airflow validates with: the param without its default and its trigger-form keys. */
export function jsonSchemaOf(spec: Param): Record<string, unknown> {
  const { default: _default, descriptionMd: _md, section: _section, valuesDisplay: _display, ...schema } = spec;
  return schema;
}

export function checkParams(dag: Dag): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [param, spec] of Object.entries(dag.params ?? {})) {
    const where = { dag: dag.id, param };
    const schemaProblems = schemaProblemsOf(spec, "");
    for (const problem of schemaProblems) diagnostics.push(diagnose("DW195", { ...where, problem }, dag.location));
    if (schemaProblems.length === 0) {
      const problem = defaultProblem(spec);
      if (problem) diagnostics.push(diagnose("DW129", { ...where, problem }, dag.location));
      for (const key of Object.keys(spec.valuesDisplay ?? {})) {
        const shown = [...(spec.enum ?? []), ...(spec.examples ?? []), ...(spec.items?.enum ?? [])].some((value) => pythonStr(value) === key);
        if (!shown) diagnostics.push(diagnose("DW196", { ...where, key }, dag.location));
      }
    }
    if (spec.default === undefined && dag.schedule.kind !== "manual") diagnostics.push(diagnose("DW129", { ...where, noDefault: true }, dag.location));
  }
  return diagnostics;
}

/** How Airflow's form looks a value up in values_display: Jinja's `option|string`, Python's str(). */
function pythonStr(value: unknown): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null) return "None";
  return typeof value === "string" ? value : JSON.stringify(value);
}

const NUMBER_TYPES: readonly ParamType[] = ["integer", "number"];

/** What is wrong with the schema itself, the items' schemas included (`at` names where in it). */
function schemaProblemsOf(spec: ParamItems, at: string): string[] {
  const problems: string[] = [];
  const types = spec.type === undefined ? undefined : Array.isArray(spec.type) ? spec.type : [spec.type];
  const where = at ? `${at}: ` : "";
  if (types && new Set(types).size !== types.length) problems.push(`${where}type lists a type twice`);
  if (types && types.length === 0) problems.push(`${where}type lists no type`);
  const pairs: Array<[keyof ParamItems, keyof ParamItems]> = [
    ["minimum", "maximum"],
    ["minLength", "maxLength"],
    ["minItems", "maxItems"],
    ["exclusiveMinimum", "exclusiveMaximum"],
  ];
  for (const [low, high] of pairs) {
    const a = spec[low] as number | undefined;
    const b = spec[high] as number | undefined;
    if (a !== undefined && b !== undefined && a > b) problems.push(`${where}${low} ${a} is above ${high} ${b}, so no value fits`);
  }
  for (const key of ["minLength", "maxLength", "minItems", "maxItems"] as const) {
    const value = spec[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) problems.push(`${where}${key} must be a whole number of 0 or more, not ${value}`);
  }
  if (spec.multipleOf !== undefined && !(spec.multipleOf > 0)) problems.push(`${where}multipleOf must be above 0, not ${spec.multipleOf}`);
  if (spec.enum && spec.enum.length === 0) problems.push(`${where}enum lists no value, so no value fits`);
  if (spec.format !== undefined) {
    if (!(PARAM_FORMATS as readonly string[]).includes(spec.format)) problems.push(`${where}format ${JSON.stringify(spec.format)} is not one Airflow knows (${PARAM_FORMATS.join(", ")})`);
    else if (types && !types.includes("string")) problems.push(`${where}format ${JSON.stringify(spec.format)} applies to strings, and the type is ${types.join(" or ")}`);
  }
  if (spec.pattern !== undefined) {
    try {
      new RegExp(spec.pattern, "u");
    } catch (error) {
      problems.push(`${where}pattern ${JSON.stringify(spec.pattern)} is not a regular expression (${(error as Error).message})`);
    }
  }
  const numeric = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;
  if (types && !types.some((type) => NUMBER_TYPES.includes(type))) {
    for (const key of numeric) if (spec[key] !== undefined) problems.push(`${where}${key} applies to numbers, and the type is ${types.join(" or ")}`);
  }
  if (types && !types.includes("string")) {
    for (const key of ["minLength", "maxLength", "pattern"] as const) if (spec[key] !== undefined) problems.push(`${where}${key} applies to strings, and the type is ${types.join(" or ")}`);
  }
  if (types && !types.includes("array")) {
    for (const key of ["items", "minItems", "maxItems", "uniqueItems"] as const) if (spec[key] !== undefined) problems.push(`${where}${key} applies to arrays, and the type is ${types.join(" or ")}`);
  }
  if (spec.items) problems.push(...schemaProblemsOf(spec.items, `${at}items`));
  if (problems.length === 0 && at === "") {
    const schema = jsonSchemaOf(spec as Param);
    try {
      ajv().compile(schema);
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (problems.length === 0) {
      // The values the form offers in its drop-down must be values the rest of the schema takes.
      for (const value of spec.enum ?? []) {
        const problem = violation(schema, value, "enum");
        if (problem) problems.push(`enum value ${JSON.stringify(value)} ${problem}`);
      }
    }
  }
  return problems;
}

/** Why `value` does not satisfy `schema`, in ajv's words, or undefined when it does. */
function violation(schema: Record<string, unknown>, value: unknown, skip?: string): string | undefined {
  const { [skip ?? ""]: _skipped, ...rest } = schema;
  const validate = ajv().compile(rest);
  if (validate(value)) return undefined;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined | null): string {
  if (!error) return "does not fit the schema";
  const path = error.instancePath ? `at ${error.instancePath} ` : "";
  return `${path}${error.message ?? "does not fit the schema"}`;
}

/** Why the default does not satisfy the schema: the common cases in plain words, then ajv's. */
function defaultProblem(spec: Param): string | undefined {
  const value = spec.default;
  if (value === undefined) return undefined;
  const shown = JSON.stringify(value);
  const types = spec.type === undefined ? undefined : Array.isArray(spec.type) ? spec.type : [spec.type];
  const typeMatches: Record<ParamType, boolean> = {
    string: typeof value === "string",
    integer: typeof value === "number" && Number.isInteger(value),
    number: typeof value === "number",
    boolean: typeof value === "boolean",
    array: Array.isArray(value),
    object: typeof value === "object" && value !== null && !Array.isArray(value),
    null: value === null,
  };
  if (types && !types.some((type) => typeMatches[type])) return `the default ${shown} is not of type ${types.join(" or ")}`;
  if (spec.enum && !spec.enum.some((option) => JSON.stringify(option) === shown)) return `the default ${shown} is not one of its enum values`;
  if (typeof value === "number" && spec.minimum !== undefined && value < spec.minimum) return `the default ${value} is below the minimum ${spec.minimum}`;
  if (typeof value === "number" && spec.maximum !== undefined && value > spec.maximum) return `the default ${value} is above the maximum ${spec.maximum}`;
  if (typeof value === "string" && spec.minLength !== undefined && [...value].length < spec.minLength) return `the default is shorter than minLength ${spec.minLength}`;
  if (typeof value === "string" && spec.maxLength !== undefined && [...value].length > spec.maxLength) return `the default is longer than maxLength ${spec.maxLength}`;
  const problem = violation(jsonSchemaOf(spec), value);
  return problem === undefined ? undefined : `the default ${shown} ${problem}`;
}
