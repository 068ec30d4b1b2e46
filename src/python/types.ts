/**
 * Python type hints as TypeScript types, for the bindings: the JSON a task's arguments and
 * return value travel as. What has no JSON form, or is not read, is `unknown`, with a note.
 */
import type { PythonClass, PythonModule, PythonType } from "../ir/python.js";

/** A class the bindings declare as a TypeScript type, and the name they give it. */
export interface NamedClass {
  module: PythonModule;
  cls: PythonClass;
  name: string;
}

export interface TypeScope {
  /** The class a name written in `module` stands for, when it is one of the project's. */
  resolve(name: string): NamedClass | undefined;
  /** Noted once per binding: what became `unknown`, and why. */
  note(text: string): void;
}

const last = (name: string) => name.split(".").at(-1)!;

const NUMBER = new Set(["int", "float", "complex", "numbers.Number", "decimal.Decimal", "Decimal"]);
const STRING = new Set(["str"]);
const LISTS = new Set(["list", "List", "Sequence", "MutableSequence", "Iterable", "Iterator", "Collection", "set", "Set", "frozenset", "FrozenSet", "AbstractSet", "MutableSet", "Generator", "deque"]);
const DICTS = new Set(["dict", "Dict", "Mapping", "MutableMapping", "OrderedDict", "defaultdict", "Counter"]);
const UNKNOWN = new Set(["Any", "object", "typing.Any"]);

/** The TypeScript type of a Python annotation (absent: not annotated). */
export function tsType(type: PythonType | undefined, scope: TypeScope): string {
  if (type === undefined) return "unknown";
  if ("raw" in type) {
    scope.note(`\`${type.raw}\` is not a type dagwright reads`);
    return "unknown";
  }
  if ("lit" in type) return typeof type.lit === "string" ? JSON.stringify(type.lit) : String(type.lit);
  if ("list" in type) return "unknown";
  if ("u" in type) return union(type.u.map((member) => tsType(member, scope)));
  const name = type.n;
  const short = last(name);
  const args = type.a ?? [];
  if (name === "None" || name === "NoneType" || name === "types.NoneType") return "null";
  if (NUMBER.has(name)) return "number";
  if (STRING.has(name)) return "string";
  if (name === "bool") return "boolean";
  if (UNKNOWN.has(name)) return "unknown";
  if (short === "Optional" && args.length === 1) return union([tsType(args[0], scope), "null"]);
  if (short === "Union") return union(args.map((arg) => tsType(arg, scope)));
  if (short === "Literal") return union(args.map((arg) => tsType(arg, scope)));
  if ((short === "Annotated" || short === "Final" || short === "Required" || short === "NotRequired" || short === "ReadOnly") && args.length > 0) return tsType(args[0], scope);
  if (LISTS.has(short) || LISTS.has(name)) return `readonly ${wrap(args.length > 0 ? tsType(args[0], scope) : "unknown")}[]`;
  if (short === "tuple" || short === "Tuple") {
    if (args.length === 0) return "readonly unknown[]";
    if (args.length === 2 && "n" in args[1]! && args[1].n === "...") return `readonly ${wrap(tsType(args[0], scope))}[]`;
    return `readonly [${args.map((arg) => tsType(arg, scope)).join(", ")}]`;
  }
  if (DICTS.has(short)) return `Record<string, ${args.length === 2 ? tsType(args[1], scope) : "unknown"}>`;
  const named = scope.resolve(name);
  if (named) {
    if (named.cls.kind === "class") {
      scope.note(`${name} is a plain class, which has no JSON form`);
      return "unknown";
    }
    return named.name;
  }
  scope.note(`${name} is not a type dagwright knows`);
  return "unknown";
}

function wrap(type: string): string {
  return /[|&\s]/.test(type) && !/^readonly \S+\[\]$/.test(type) ? `(${type})` : type;
}

/** A union without repeats, `unknown` swallowing the rest. */
function union(members: readonly string[]): string {
  const unique = [...new Set(members.flatMap((member) => member.split(" | ")))];
  if (unique.includes("unknown")) return "unknown";
  return unique.join(" | ");
}

/** The TypeScript declaration of a class the bindings name. */
export function classDeclaration(named: NamedClass, scope: TypeScope): string {
  const { cls } = named;
  const doc = docComment(cls.doc ?? `${cls.name}, ${cls.kind === "enum" ? "an Enum" : cls.kind === "typeddict" ? "a TypedDict" : cls.kind === "pydantic" ? "a pydantic model" : "a dataclass"} of ${named.module.module} (${named.module.file}:${cls.line}).`, "");
  if (cls.kind === "enum") {
    const members = cls.members ?? [];
    const values = members.every((member) => member.value !== undefined) && members.length > 0 ? members.map((member) => (typeof member.value === "string" ? JSON.stringify(member.value) : String(member.value))) : ["unknown"];
    return `${doc}export type ${named.name} = ${[...new Set(values)].join(" | ")};\n`;
  }
  const fields = (cls.fields ?? []).map((field) => {
    const wrapped = "n" in field.type ? last(field.type.n) : "";
    const optional = cls.kind === "typeddict" ? (wrapped === "NotRequired" || (cls.total === false && wrapped !== "Required")) : field.default;
    return `  ${propertyName(field.name)}${optional ? "?" : ""}: ${tsType(field.type, scope)};`;
  });
  return `${doc}export interface ${named.name} {\n${fields.join("\n")}${fields.length ? "\n" : ""}}\n`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** An object key as TypeScript writes it. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc comment of `text` at `indent`, safe against a `*\/` in the docstring. */
export function docComment(text: string, indent: string): string {
  const lines = text.replaceAll("*/", "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}
