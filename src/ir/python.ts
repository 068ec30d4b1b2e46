/**
 * What dagwright reads of the project's own Python without running it (src/python/): each
 * module of the configured roots, its top-level functions with their signatures, and the
 * classes the type mapping of bindings needs.
 */
import { z } from "zod";

export const PythonParameterKind = z.enum(["positional-only", "positional", "var-positional", "keyword-only", "var-keyword"]);
export type PythonParameterKind = z.infer<typeof PythonParameterKind>;

/** An annotation as a tree (see templates/python/inspect_modules.py): a name with arguments, a union, a literal, a list, or text it could not read. */
export type PythonType = { n: string; a?: PythonType[] } | { u: PythonType[] } | { lit: string | number | boolean } | { list: PythonType[] } | { raw: string };
export const PythonType: z.ZodType<PythonType> = z.lazy(() =>
  z.union([
    z.object({ n: z.string(), a: z.array(PythonType).optional() }).strict(),
    z.object({ u: z.array(PythonType) }).strict(),
    z.object({ lit: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ list: z.array(PythonType) }).strict(),
    z.object({ raw: z.string() }).strict(),
  ]),
);

export const PythonParameter = z
  .object({
    name: z.string(),
    kind: PythonParameterKind,
    /** The annotation as Python writes it back (`ast.unparse`). */
    annotation: z.string().optional(),
    type: PythonType.optional(),
    /** The default as source text. */
    default: z.string().optional(),
  })
  .strict();
export type PythonParameter = z.infer<typeof PythonParameter>;

export const PythonFunction = z
  .object({
    name: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    async: z.boolean(),
    parameters: z.array(PythonParameter),
    returns: z.string().optional(),
    returnType: PythonType.optional(),
    doc: z.string().optional(),
    decorators: z.array(z.string()).optional(),
    /** sha256 of the function's source text, `def` to its last line. */
    sha256: z.string(),
  })
  .strict();
export type PythonFunction = z.infer<typeof PythonFunction>;

export const PythonClassKind = z.enum(["typeddict", "dataclass", "enum", "pydantic", "class"]);
export type PythonClassKind = z.infer<typeof PythonClassKind>;

export const PythonClass = z
  .object({
    name: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    kind: PythonClassKind,
    bases: z.array(z.string()),
    doc: z.string().optional(),
    /** A TypedDict's `total=`. */
    total: z.boolean().optional(),
    /** Annotated fields, in order; `default` says whether the class body gives a value. */
    fields: z.array(z.object({ name: z.string(), annotation: z.string(), type: PythonType, default: z.boolean() }).strict()).optional(),
    /** An Enum's members and, when a plain literal, their values. */
    members: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]).optional() }).strict()).optional(),
  })
  .strict();
export type PythonClass = z.infer<typeof PythonClass>;

/** What a top-level name of a module is bound to. */
export const PythonBinding = z.enum(["function", "class", "import", "variable"]);
export type PythonBinding = z.infer<typeof PythonBinding>;

export const PythonModule = z
  .object({
    /** The dotted import name: "churn.train"; a package's `__init__.py` is the package's name. */
    module: z.string(),
    /** The file, relative to the project root, with forward slashes. */
    file: z.string(),
    doc: z.string().optional(),
    functions: z.array(PythonFunction),
    classes: z.array(PythonClass),
    names: z.record(z.string(), PythonBinding),
    /** What each imported name stands for, as an absolute dotted name ("churn.io.read_json"). */
    imports: z.record(z.string(), z.string()),
    /** `from x import *` at top level: names may exist that dagwright cannot see. */
    starImport: z.boolean().optional(),
  })
  .strict();
export type PythonModule = z.infer<typeof PythonModule>;

export const PythonIndex = z
  .object({
    /** The Python source roots, relative to the project root. */
    roots: z.array(z.string()),
    /** Every module read, sorted by name. */
    modules: z.array(PythonModule),
  })
  .strict();
export type PythonIndex = z.infer<typeof PythonIndex>;

/** The function of the project's Python a task calls, where it is and a hash of its source (manifest, lineage). */
export const PythonSource = z
  .object({
    /** The dotted module name. */
    module: z.string(),
    function: z.string(),
    /** Relative to the project root. */
    file: z.string(),
    line: z.number().int(),
    /** sha256 of the function's source text: it changes when the code that runs does. */
    sha256: z.string(),
  })
  .strict();
export type PythonSource = z.infer<typeof PythonSource>;
