/** Type-checking DAG modules with the TypeScript compiler, as `tsc --noEmit` would. */
import { createRequire } from "node:module";
import path from "node:path";
import { Project, ts, type Diagnostic as TsDiagnostic } from "ts-morph";
import type { Diagnostic } from "../ir/diagnostic.js";

export interface TypecheckOptions {
  root: string;
  files: string[];
  /** The declaration entry of the authoring API that `"dagwright"` resolves to. */
  apiTypes: string;
}

export function typecheck({ root, files, apiTypes }: TypecheckOptions): Diagnostic[] {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts"],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      esModuleInterop: true,
      paths: { dagwright: [apiTypes] },
      // DAG modules run in Node: its types are there even when the project has not installed them.
      typeRoots: [path.join(root, "node_modules", "@types"), nodeTypesRoot()],
      types: ["node"],
    },
  });
  project.addSourceFilesAtPaths(files);
  // Like tsc: while the code does not parse, its type errors are noise.
  const program = project.getProgram();
  const syntax = project.getSourceFiles().flatMap((file) => program.getSyntacticDiagnostics(file));
  const diagnostics = syntax.length > 0 ? syntax : project.getPreEmitDiagnostics();
  return diagnostics.map((diagnostic) => toDiagnostic(root, diagnostic));
}

function toDiagnostic(root: string, diagnostic: TsDiagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, "\n");
  const sourceFile = diagnostic.getSourceFile();
  const start = diagnostic.getStart();
  const location =
    sourceFile && start !== undefined
      ? {
          file: path.relative(root, sourceFile.getFilePath()).split(path.sep).join("/"),
          ...lineAndColumn(sourceFile.getLineAndColumnAtPos(start)),
        }
      : undefined;
  return {
    code: "DW001",
    severity: diagnostic.getCategory() === ts.DiagnosticCategory.Error ? "error" : "warning",
    message: `TS${diagnostic.getCode()}: ${message}`,
    ...(location ? { location } : {}),
    hint: "fix the type error; DAG modules must type-check before dagwright runs them",
  };
}

function lineAndColumn(position: { line: number; column: number }): { line: number; column: number } {
  return { line: position.line, column: position.column };
}

/** The @types folder holding the Node.js types dagwright depends on. */
function nodeTypesRoot(): string {
  const nodeTypes = createRequire(import.meta.url).resolve("@types/node/package.json");
  return path.dirname(path.dirname(nodeTypes));
}
