"""Reads Python modules with Python's own parser, without importing them, for dagwright.

stdin: a JSON list of [module_name, path]. stdout: one JSON object,
{"python": "3.11.7", "modules": [...]} in the order given. Each module is either
{"module", "functions", "classes", "names"} or {"module", "error": {"message", "line", "column"}}.
Only the standard library is used, and nothing read here is executed.
"""

import ast
import hashlib
import json
import re
import sys

# Lines as Python's tokenizer counts them (\r\n, \r or \n; not the form feeds str.splitlines splits at).
LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

PYDANTIC_BASES = {"BaseModel", "pydantic.BaseModel", "pydantic.main.BaseModel"}
ENUM_BASES = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"}
TYPEDDICT_BASES = {"TypedDict", "typing.TypedDict", "typing_extensions.TypedDict"}
DATACLASS_DECORATORS = {"dataclass", "dataclasses.dataclass"}


def text(node):
    """ast.unparse, without its cost for the plain names most annotations and defaults are."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (bool, int))) and not isinstance(node.value, float):
        return repr(node.value)
    return ast.unparse(node)


def tree(node, literal=False):
    """An annotation as a small JSON tree: {"n": name, "a": [args]}, {"u": [members]}, {"lit": value}, {"raw": text}."""
    if literal and isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool)) and not isinstance(node.value, complex):
        return {"lit": node.value}
    if isinstance(node, ast.Constant) and node.value is None:
        return {"n": "None"}
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        return {"n": "..."}
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # A forward reference: the annotation written as a string.
        try:
            return tree(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return {"raw": node.value}
    if isinstance(node, (ast.Name, ast.Attribute)):
        return {"n": text(node)}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return {"u": [tree(node.left), tree(node.right)]}
    if isinstance(node, ast.Subscript):
        base = text(node.value)
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        is_literal = base.split(".")[-1] == "Literal"
        args = []
        for item in inner:
            if isinstance(item, ast.List):
                args.append({"list": [tree(element) for element in item.elts]})
            else:
                args.append(tree(item, is_literal))
        return {"n": base, "a": args}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and literal:
        return {"lit": -node.operand.value}
    return {"raw": text(node)}


def parameter(arg, kind, default):
    found = {"name": arg.arg, "kind": kind}
    if arg.annotation is not None:
        found["annotation"] = text(arg.annotation)
        found["type"] = tree(arg.annotation)
    if default is not None:
        found["default"] = text(default)
    return found


def parameters(args):
    positional = args.posonlyargs + args.args
    # Defaults belong to the last positional parameters.
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    found = []
    for index, arg in enumerate(positional):
        kind = "positional-only" if index < len(args.posonlyargs) else "positional"
        found.append(parameter(arg, kind, defaults[index]))
    if args.vararg is not None:
        found.append(parameter(args.vararg, "var-positional", None))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        found.append(parameter(arg, "keyword-only", default))
    if args.kwarg is not None:
        found.append(parameter(args.kwarg, "var-keyword", None))
    return found


def decorator_name(node):
    target = node.func if isinstance(node, ast.Call) else node
    return text(target)


def segment_of(lines, node):
    """The node's source text, as ast.get_source_segment gives it, from lines split once per module."""
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first].encode("utf-8")[node.col_offset : node.end_col_offset].decode("utf-8")
    head = lines[first].encode("utf-8")[node.col_offset :].decode("utf-8")
    tail = lines[last].encode("utf-8")[: node.end_col_offset].decode("utf-8")
    return head + "".join(lines[first + 1 : last]) + tail


def function(node, lines):
    segment = segment_of(lines, node)
    found = {
        "name": node.name,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "async": isinstance(node, ast.AsyncFunctionDef),
        "parameters": parameters(node.args),
        "sha256": hashlib.sha256(segment.encode("utf-8")).hexdigest(),
    }
    if node.returns is not None:
        found["returns"] = text(node.returns)
        found["returnType"] = tree(node.returns)
    doc = ast.get_docstring(node)
    if doc:
        found["doc"] = doc
    if node.decorator_list:
        found["decorators"] = [decorator_name(item) for item in node.decorator_list]
    return found


def class_kind(node):
    bases = {text(base) for base in node.bases}
    decorators = {decorator_name(item) for item in node.decorator_list}
    if bases & TYPEDDICT_BASES:
        return "typeddict"
    if bases & PYDANTIC_BASES:
        return "pydantic"
    if bases & ENUM_BASES:
        return "enum"
    if decorators & DATACLASS_DECORATORS:
        return "dataclass"
    return "class"


def class_(node):
    kind = class_kind(node)
    found = {"name": node.name, "line": node.lineno, "column": node.col_offset + 1, "kind": kind, "bases": [text(base) for base in node.bases]}
    doc = ast.get_docstring(node)
    if doc:
        found["doc"] = doc
    if kind == "typeddict":
        total = next((keyword.value for keyword in node.keywords if keyword.arg == "total"), None)
        found["total"] = not (isinstance(total, ast.Constant) and total.value is False)
    fields = []
    members = []
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            field = {"name": item.target.id, "annotation": text(item.annotation), "type": tree(item.annotation), "default": item.value is not None}
            fields.append(field)
        elif kind == "enum" and isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name):
            member = {"name": item.targets[0].id}
            if isinstance(item.value, ast.Constant) and isinstance(item.value.value, (str, int, float, bool)):
                member["value"] = item.value.value
            members.append(member)
    if kind != "enum":
        found["fields"] = fields
    else:
        found["members"] = members
    return found


def names_of(target):
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for item in target.elts for name in names_of(item)]
    return []


def module(name, path):
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        source = raw.decode("utf-8-sig")
        parsed = ast.parse(source, filename=path)
    except SyntaxError as error:
        return {"module": name, "error": {"message": error.msg, "line": error.lineno or 1, "column": error.offset or 1}}
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return {"module": name, "error": {"message": str(error), "line": 1, "column": 1}}
    lines = LINES.findall(source)
    functions = []
    classes = []
    names = {}
    imports = {}
    for node in parsed.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(function(node, lines))
            names[node.name] = "function"
        elif isinstance(node, ast.ClassDef):
            classes.append(class_(node))
            names[node.name] = "class"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                names[bound] = "import"
                imports[bound] = alias.name if alias.asname else bound
        elif isinstance(node, ast.ImportFrom):
            origin = node.module or ""
            if node.level:
                # Relative to the package: the module itself for an __init__.py, else its parent.
                package = name.split(".") if path.endswith("__init__.py") else name.split(".")[:-1]
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                origin = ".".join(base + ([origin] if origin else []))
            for alias in node.names:
                if alias.name == "*":
                    continue
                bound = alias.asname or alias.name
                names[bound] = "import"
                imports[bound] = origin + "." + alias.name if origin else alias.name
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for bound in names_of(target):
                    names[bound] = "variable"
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = "variable"
    star = any(isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names) for node in parsed.body)
    found = {"module": name, "functions": functions, "classes": classes, "names": names, "imports": imports}
    doc = ast.get_docstring(parsed)
    if doc:
        found["doc"] = doc
    if star:
        found["starImport"] = True
    return found


def main():
    if sys.version_info < (3, 9):
        json.dump({"python": sys.version.split()[0], "tooOld": True}, sys.stdout)
        return
    requests = json.load(sys.stdin)
    if "--parse-only" in sys.argv:
        for _, path in requests:
            with open(path, "rb") as handle:
                ast.parse(handle.read())
        sys.stdout.write(json.dumps({"python": sys.version.split()[0], "modules": []}))
        return
    found = [module(name, path) for name, path in requests]
    # dumps, not dump: dump streams through the pure-Python encoder.
    sys.stdout.write(json.dumps({"python": sys.version.split()[0], "modules": found}, ensure_ascii=True))


main()
