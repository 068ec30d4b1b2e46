/**
 * The public surface of dagwright's entry points, for tests/public-docs.test.ts: the exports of
 * each entry point in package.json's "exports", every property and method of the types they
 * expose, and, through the types of those members, every type of dagwright's own sources a user
 * can reach. Members marked `@internal` (stripped from the shipped .d.ts) and private ones are not
 * public.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./project.js";

/** A declaration's path in the repository, `/`-separated. */
function fileOf(node: ts.Node): string {
  return path.relative(REPO_ROOT, node.getSourceFile().fileName).split(path.sep).join("/");
}

/** Whether a declaration is one of dagwright's sources (not a library's): the walk goes through these. */
function ownSource(node: ts.Node): boolean {
  return fileOf(node).startsWith("src/");
}

/**
 * The folders whose declarations must be documented: the authoring API, `dagwright/api` and
 * `dagwright/testing`. The walk passes through the IR's and the diagnostics' types too (the API's
 * results are made of them), but their fields are not held to it yet.
 */
export const DOCUMENTED_FOLDERS = ["src/dsl/", "src/api/", "src/testing/"];

function held(node: ts.Node): boolean {
  return DOCUMENTED_FOLDERS.some((folder) => fileOf(node).startsWith(folder));
}

/** Whether a declaration is marked `@internal` the way `stripInternal` reads it: in a comment right before it. */
function isInternal(node: ts.Node): boolean {
  const text = node.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  if (ranges.some((range) => text.slice(range.pos, range.end).includes("@internal"))) return true;
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === "internal");
}

function isPrivate(node: ts.Node): boolean {
  if (ts.isPrivateIdentifier((node as ts.NamedDeclaration).name ?? node)) return true;
  const flags = ts.canHaveModifiers(node) ? ts.getCombinedModifierFlags(node as ts.Declaration) : 0;
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
}

export interface Finding {
  where: string;
  member: string;
}

/** The public members without a JSDoc description, as `file:line member`. */
export function publicMembers(): { findings: Finding[]; checked: Map<string, ts.Symbol> ; checker: ts.TypeChecker } {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { exports: Record<string, { types?: string } | string> };
  // Each entry point's types are built from the source of the same path under src/ (tsconfig.build.json: rootDir src, outDir dist).
  const entries = Object.values(manifest.exports)
    .flatMap((target) => (typeof target === "string" || !target.types ? [] : [target.types]))
    .map((types) => path.join(REPO_ROOT, types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO_ROOT, "tsconfig.build.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(entries, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();

  const findings: Finding[] = [];
  const checked = new Map<string, ts.Symbol>();
  const seenDeclarations = new Set<ts.Node>();
  const seenTypes = new Set<ts.Type>();

  const documented = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";
  const report = (symbol: ts.Symbol, declaration: ts.Node, member: string) => {
    if (seenDeclarations.has(declaration)) return false;
    seenDeclarations.add(declaration);
    if (!held(declaration)) return true;
    checked.set(member, symbol);
    if (!documented(symbol)) {
      const { line } = declaration.getSourceFile().getLineAndCharacterOfPosition(((declaration as ts.NamedDeclaration).name ?? declaration).getStart());
      findings.push({ where: `${fileOf(declaration)}:${line + 1}`, member });
    }
    return true;
  };

  const visitSignature = (signature: ts.Signature, owner: string) => {
    if (signature.declaration && isInternal(signature.declaration)) return;
    for (const parameter of signature.getParameters()) visitType(checker.getTypeOfSymbol(parameter), owner);
    visitType(signature.getReturnType(), owner);
  };

  const visitType = (type: ts.Type, owner: string): void => {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    // A type's own name, when it has one in dagwright's sources; an anonymous object type keeps its owner's path.
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const named = symbol && !symbol.name.startsWith("__") && symbol.declarations?.some((declaration) => ownSource(declaration)) ? symbol.name : owner;
    for (const argument of type.aliasTypeArguments ?? []) visitType(argument, owner);
    if (type.isUnionOrIntersection()) {
      for (const part of type.types) visitType(part, named);
      return;
    }
    if (type.flags & ts.TypeFlags.Conditional) {
      const root = (type as ts.ConditionalType).root.node;
      visitType(checker.getTypeFromTypeNode(root.trueType), owner);
      visitType(checker.getTypeFromTypeNode(root.falseType), owner);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const object = type as ts.ObjectType;
    if (object.objectFlags & ts.ObjectFlags.Reference) for (const argument of checker.getTypeArguments(type as ts.TypeReference)) visitType(argument, owner);
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration || !ownSource(declaration) || isInternal(declaration) || isPrivate(declaration)) continue;
      const member = `${named}.${property.name}`;
      if (report(property, declaration, member) || !seenTypes.has(checker.getTypeOfSymbol(property))) visitType(checker.getTypeOfSymbol(property), member);
    }
    for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(signature, named);
    for (const info of checker.getIndexInfosOfType(type)) visitType(info.type, named);
  };

  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (!declaration || !ownSource(declaration)) continue;
      report(symbol, declaration, exported.name);
      if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) visitType(checker.getDeclaredTypeOfSymbol(symbol), symbol.name);
      if (symbol.flags & ts.SymbolFlags.Value) visitType(checker.getTypeOfSymbol(symbol), symbol.name);
    }
  }
  return { findings, checked, checker };
}

