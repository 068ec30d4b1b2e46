"""Write src/validate/spark-properties.ts: the Spark configuration properties Spark itself defines.

dagwright checks the `conf` keys of Spark jobs against this list (DW406 did-you-mean, DW407
unknown). The list comes from the real Spark that pyspark bundles, never from memory. Run it
with the spark venv's Python (Java 17+ on PATH):

    node tests/airflow/venvs.mjs spark
    .cache/venvs/spark/bin/python scripts/spark-properties.py           # (re)write the module
    .cache/venvs/spark/bin/python scripts/spark-properties.py --check   # exit 1 if it is stale

Sources of KNOWN_SPARK_PROPERTIES, all read from the installed Spark:

1. Spark's config registry. Every ConfigEntry registers itself in ConfigEntry.knownConfigs
   when the object defining it is initialised, so the script finds those objects in the jars
   (classes that use ConfigBuilder or SQLConf.buildConf/buildStaticConf: core, SQL, Kubernetes,
   YARN, Connect, Hive, streaming ...), initialises each in a JVM started through pyspark's
   py4j gateway, then reads knownConfigs (which includes SQLConf's entries and the
   protobuf-defined ConfigRegistry). The alternative (older) names of entries are added.
2. SparkConf's alternative names (SparkConf.allAlternatives): older keys Spark still reads.
3. Keys Spark reads by name rather than through a ConfigEntry (spark.master, spark.app.name,
   spark.local.dir, spark.ssl.*, network settings ...): string constants of Spark's class
   files that look like a key. Namespaces used to build other keys ("spark.sql", "spark.ssl")
   are dropped unless SparkLauncher, Spark's public list of launch properties, names them.
4. Per-module network settings, which TransportConf builds as spark.<module>.<suffix> (and
   spark.<role>.<module>.io.<threads>): the suffixes are TransportConf's own constants.

Left out everywhere: test-only keys (a `test` or `testing` path segment), keys Spark has
deprecated without a replacement (SparkConf.deprecatedConfigs) or removed
(SQLConf.removedSQLConfigs) unless still registered, and templates (`%s`, a trailing dot).

SPARK_PROPERTY_PREFIXES are the property families Spark documents as prefix-based
(spark.hadoop.*, spark.executorEnv.*, spark.kubernetes.driver.label.* ...); each one is
checked against Spark's bytecode (or, for resources, its ResourceID class) and the script
fails if this Spark no longer uses one.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import struct
import sys
import textwrap
import zipfile
from dataclasses import dataclass, field

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "src", "validate", "spark-properties.ts")

KEY = re.compile(r"^spark\.[A-Za-z0-9_.-]+$")
TEST_ONLY = re.compile(r"(^|\.)(test|testing)(\.|$)")

CONFIG_BUILDER = "org/apache/spark/internal/config/ConfigBuilder"
SQL_BUILDERS = {"buildConf", "buildStaticConf"}

# TransportConf modules Spark creates (SparkTransportConf.fromSparkConf callers) and the roles
# of its per-role thread settings.
TRANSPORT_MODULES = ("shuffle", "rpc", "files")
TRANSPORT_ROLES = ("driver", "executor")

# Property families that Spark documents as prefix-based: any key under the prefix is valid.
PREFIX_FAMILIES = (
    "spark.driver.resource.",  # spark.driver.resource.{name}.amount / discoveryScript / vendor
    "spark.executor.resource.",
    "spark.task.resource.",
    "spark.executorEnv.",  # environment variables of executors
    "spark.hadoop.",  # Hadoop configuration, passed on without "spark."
    "spark.hive.",  # Hive configuration, passed on without "spark."
    "spark.io.encryption.commons.config.",
    "spark.network.crypto.config.",
    "spark.metrics.conf.",  # spark.metrics.conf.[instance|*].sink.[name].[option]
    "spark.sql.catalog.",  # spark.sql.catalog.{name} and its options
    "spark.sql.streaming.stateStore.rocksdb.",  # RocksDB state store options, read by name
    "spark.ssl.",  # spark.ssl.[namespace].{option}
    "spark.kubernetes.driverEnv.",
    "spark.kubernetes.driver.annotation.",
    "spark.kubernetes.driver.label.",
    "spark.kubernetes.driver.node.selector.",
    "spark.kubernetes.driver.secretKeyRef.",
    "spark.kubernetes.driver.secrets.",
    "spark.kubernetes.driver.service.annotation.",
    "spark.kubernetes.driver.service.label.",
    "spark.kubernetes.driver.volumes.",
    "spark.kubernetes.executor.annotation.",
    "spark.kubernetes.executor.label.",
    "spark.kubernetes.executor.node.selector.",
    "spark.kubernetes.executor.secretKeyRef.",
    "spark.kubernetes.executor.secrets.",
    "spark.kubernetes.executor.volumes.",
    "spark.kubernetes.node.selector.",
    "spark.yarn.am.resource.",
    "spark.yarn.appMasterEnv.",
    "spark.yarn.driver.resource.",
    "spark.yarn.executor.resource.",
)
RESOURCE_FAMILIES = {"spark.driver.resource.", "spark.executor.resource.", "spark.task.resource."}


@dataclass
class ClassInfo:
    strings: list[str]  # CONSTANT_String values (concatenation recipes hold \x01 for arguments)
    classes: set[str]  # CONSTANT_Class names
    member_names: set[str] = field(default_factory=set)  # names of referenced fields and methods


def read_class(data: bytes) -> ClassInfo | None:
    """The constant pool of a class file: its string constants and what it references."""
    if data[:4] != b"\xca\xfe\xba\xbe":
        return None
    count = struct.unpack_from(">H", data, 8)[0]
    utf8: dict[int, str] = {}
    string_refs: list[int] = []
    class_refs: list[int] = []
    name_refs: list[int] = []
    index, pos = 1, 10
    while index < count:
        tag = data[pos]
        if tag == 1:  # Utf8
            length = struct.unpack_from(">H", data, pos + 1)[0]
            utf8[index] = data[pos + 3 : pos + 3 + length].decode("utf-8", "replace")
            pos += 3 + length
        elif tag in (3, 4):  # Integer, Float
            pos += 5
        elif tag in (5, 6):  # Long, Double take two slots
            pos += 9
            index += 1
        elif tag in (7, 8, 16, 19, 20):  # Class, String, MethodType, Module, Package
            ref = struct.unpack_from(">H", data, pos + 1)[0]
            if tag == 7:
                class_refs.append(ref)
            elif tag == 8:
                string_refs.append(ref)
            pos += 3
        elif tag in (9, 10, 11, 12, 17, 18):  # refs, NameAndType, Dynamic, InvokeDynamic
            if tag == 12:
                name_refs.append(struct.unpack_from(">H", data, pos + 1)[0])
            pos += 5
        elif tag == 15:  # MethodHandle
            pos += 4
        else:
            raise ValueError(f"unknown constant pool tag {tag}")
        index += 1
    return ClassInfo(
        strings=[utf8[i] for i in string_refs],
        classes={utf8[i] for i in class_refs},
        member_names={utf8[i] for i in name_refs},
    )


def scan_jars(spark_home: str) -> dict[str, ClassInfo]:
    """Every class of Spark's own jars (jars/spark-*.jar), by class name."""
    classes: dict[str, ClassInfo] = {}
    jars = sorted(glob.glob(os.path.join(spark_home, "jars", "spark-*.jar")))
    if not jars:
        sys.exit(f"no Spark jars in {spark_home}/jars: is this a pip-installed pyspark (not pyspark-client)?")
    for jar in jars:
        with zipfile.ZipFile(jar) as archive:
            for name in archive.namelist():
                if name.endswith(".class") and not name.startswith("META-INF/"):
                    info = read_class(archive.read(name))
                    if info:
                        classes[name[: -len(".class")].replace("/", ".")] = info
    return classes


def config_holders(classes: dict[str, ClassInfo]) -> list[str]:
    """Classes that define config entries (use ConfigBuilder or SQLConf.buildConf)."""
    return sorted(
        name
        for name, info in classes.items()
        if CONFIG_BUILDER in info.classes or info.member_names & SQL_BUILDERS
    )


def scala_object(jvm, name: str):
    """The instance of Scala `object name` (its class is name$)."""
    return jvm.java.lang.Class.forName(name + "$").getField("MODULE$").get(None)


def scala_strings(jvm, collection) -> list[str]:
    """The elements of a Scala collection of strings."""
    separator = "\x00"
    text = collection.mkString(separator)
    return [item for item in text.split(separator) if item]


@dataclass
class Registry:
    spark_version: str
    entries: dict[str, bool]  # key -> public
    alternatives: set[str]
    deprecated: set[str]
    removed: set[str]
    launcher: set[str]
    init_failures: list[str]
    resource_prefixes: dict[str, str]  # resource family -> the prefix Spark's ResourceID builds for it


def read_registry(holders: list[str]) -> Registry:
    """Start Spark's JVM through pyspark, load every config holder, read the registries."""
    from pyspark.java_gateway import launch_gateway

    gateway = launch_gateway()
    try:
        jvm = gateway.jvm
        loader = jvm.java.lang.Thread.currentThread().getContextClassLoader()
        failures = []
        for holder in holders:
            try:
                jvm.java.lang.Class.forName(holder, True, loader)
            except Exception as error:  # a module whose dependencies are missing
                failures.append(f"{holder}: {str(error).splitlines()[0]}")

        entries: dict[str, bool] = {}
        alternatives: set[str] = set()
        known = scala_object(jvm, "org.apache.spark.internal.config.ConfigEntry").knownConfigs()
        for key, entry in known.items():  # py4j shows a java.util.Map as a Python mapping
            entries[key] = bool(entry.isPublic())
            alternatives.update(scala_strings(jvm, entry.alternatives()))
        registry = jvm.org.apache.spark.config.ConfigRegistry.getInstance()
        for key in registry.allKeys():  # protobuf-defined entries (normally registered already)
            entries.setdefault(key, True)

        spark_conf = scala_object(jvm, "org.apache.spark.SparkConf")
        alternatives.update(scala_strings(jvm, spark_conf.allAlternatives().keys()))
        deprecated = set(scala_strings(jvm, spark_conf.deprecatedConfigs().keys()))
        sql_conf = scala_object(jvm, "org.apache.spark.sql.internal.SQLConf")
        removed = set(scala_strings(jvm, sql_conf.removedSQLConfigs().keys()))

        launcher = set()
        launcher_class = jvm.java.lang.Class.forName("org.apache.spark.launcher.SparkLauncher")
        for constant in launcher_class.getFields():
            value = constant.get(None)
            if isinstance(value, str) and KEY.match(value):
                launcher.add(value)

        resource_id = jvm.org.apache.spark.resource.ResourceID
        resource_prefixes = {}
        for family in RESOURCE_FAMILIES:
            component = family[: -len(".resource.")]
            built = resource_id(component, "gpu").confPrefix()
            resource_prefixes[family] = built[: -len("gpu.")] if built.endswith(".gpu.") else built

        version = scala_object(jvm, "org.apache.spark.package").SPARK_VERSION()
        return Registry(
            version, entries, alternatives, deprecated, removed, launcher, failures, resource_prefixes
        )
    finally:
        gateway.shutdown()
        process = getattr(gateway, "proc", None)
        if process is not None:
            process.stdin.close()  # the gateway JVM exits when its stdin closes
            process.wait(timeout=30)


def usable(key: str) -> bool:
    """A complete, non-test key (not a template such as spark.%s.x, nor a prefix)."""
    return bool(KEY.match(key)) and not key.endswith(".") and not TEST_ONLY.search(key)


def named_keys(classes: dict[str, ClassInfo]) -> set[str]:
    """String constants of Spark's classes that look like a property key."""
    return {s for info in classes.values() for s in info.strings if KEY.match(s) and not s.endswith(".")}


def transport_keys(classes: dict[str, ClassInfo]) -> set[str]:
    """spark.<module>.<suffix> settings of Spark's network layer, from TransportConf's constants."""
    transport = classes.get("org.apache.spark.network.util.TransportConf")
    per_role = classes.get("org.apache.spark.network.netty.SparkTransportConf$")
    if transport is None or per_role is None:
        sys.exit("TransportConf or SparkTransportConf not found in the Spark jars")
    suffixes = {s for s in transport.strings if re.fullmatch(r"(io|sasl)\.[A-Za-z]+", s)}
    thread_settings = {s for s in per_role.strings if re.fullmatch(r"[a-z]+Threads", s)}
    keys = {f"spark.{module}.{suffix}" for module in TRANSPORT_MODULES for suffix in suffixes}
    keys |= {
        f"spark.{role}.{module}.io.{setting}"
        for role in TRANSPORT_ROLES
        for module in TRANSPORT_MODULES
        for setting in thread_settings
    }
    return keys


def verify_prefixes(classes: dict[str, ClassInfo], registry: Registry) -> list[str]:
    """The prefix families this Spark uses; exits naming any it does not."""
    literals = {s for info in classes.values() for s in info.strings if s.startswith("spark.")}
    missing = []
    for prefix in PREFIX_FAMILIES:
        if prefix in RESOURCE_FAMILIES:
            found = registry.resource_prefixes.get(prefix) == prefix
        else:
            found = any(s == prefix or s == prefix[:-1] or s.startswith(prefix + "\x01") for s in literals)
        if not found:
            missing.append(prefix)
    if missing:
        sys.exit(f"Spark {registry.spark_version} does not use these prefix families: {', '.join(missing)}")
    return sorted(set(PREFIX_FAMILIES))


@dataclass
class Result:
    keys: list[str]
    prefixes: list[str]
    counts: dict[str, int]
    registry: Registry


def collect(spark_home: str) -> Result:
    classes = scan_jars(spark_home)
    holders = config_holders(classes)
    registry = read_registry(holders)

    prefixes = verify_prefixes(classes, registry)
    registered = {key for key in registry.entries if usable(key)}
    alternatives = {key for key in registry.alternatives if usable(key)} - registered
    gone = registry.deprecated | registry.removed
    candidates = {key for key in named_keys(classes) if usable(key)} - gone
    every = registered | alternatives | candidates
    by_name = {
        key
        for key in candidates - registered - alternatives
        # not a namespace that other keys are built from, nor already covered by a prefix family
        if (key in registry.launcher or not any(other.startswith(key + ".") for other in every))
        and not any(key.startswith(prefix) for prefix in prefixes)
    }
    network = transport_keys(classes) - registered - alternatives - by_name

    keys = sorted(registered | alternatives | by_name | network)
    counts = {
        "registry": len(registered),
        "registry_internal": sum(1 for key in registered if not registry.entries[key]),
        "alternatives": len(alternatives),
        "by_name": len(by_name),
        "network": len(network),
        "holders": len(holders),
    }
    return Result(keys, prefixes, counts, registry)


def typescript(result: Result, pyspark_version: str) -> str:
    c = result.counts
    summary = (
        f"{len(result.keys)} keys: {c['registry']} from Spark's config registry "
        f"({c['registry_internal']} of them internal), {c['alternatives']} older names Spark still reads, "
        f"{c['by_name']} keys Spark reads by name (string constants of its classes) and {c['network']} "
        "per-module network settings; test-only keys are left out. The script's docstring says how each "
        "source is read."
    )
    lines = [
        f"// Generated by scripts/spark-properties.py from pyspark {pyspark_version}; do not edit.",
        "// Regenerate: .cache/venvs/spark/bin/python scripts/spark-properties.py (Java 17+ on PATH)",
        "//",
        *[f"// {line}" for line in textwrap.wrap(summary, width=97)],
        "",
        "/** The Spark version the lists were read from. */",
        f'export const SPARK_VERSION = "{result.registry.spark_version}";',
        "",
        "/** Every configuration property this Spark defines, sorted. */",
        "export const KNOWN_SPARK_PROPERTIES: readonly string[] = [",
        *[f'  "{key}",' for key in result.keys],
        "];",
        "",
        "/** Property families Spark reads by prefix: any key that starts with one is valid. */",
        "export const SPARK_PROPERTY_PREFIXES: readonly string[] = [",
        *[f'  "{prefix}",' for prefix in result.prefixes],
        "];",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the TypeScript module to write")
    parser.add_argument("--check", action="store_true", help="only check that the output is up to date")
    args = parser.parse_args(argv)

    import pyspark

    spark_home = os.path.dirname(os.path.abspath(pyspark.__file__))
    result = collect(spark_home)
    if result.registry.spark_version != pyspark.__version__:
        sys.exit(f"pyspark {pyspark.__version__} bundles Spark {result.registry.spark_version}?")
    text = typescript(result, pyspark.__version__)

    c = result.counts
    print(
        f"Spark {result.registry.spark_version}: {len(result.keys)} keys "
        f"(registry {c['registry']}, internal {c['registry_internal']}, alternatives {c['alternatives']}, "
        f"by name {c['by_name']}, network {c['network']}; {c['holders']} config holder classes), "
        f"{len(result.prefixes)} prefix families",
        file=sys.stderr,
    )
    if result.registry.init_failures:
        # A config holder that cannot load would silently drop all of its module's keys.
        sys.exit("could not load:\n  " + "\n  ".join(result.registry.init_failures))

    output = os.path.abspath(args.output)
    name = os.path.relpath(output, REPO_ROOT)
    current = None
    if os.path.exists(output):
        with open(output, encoding="utf-8") as handle:
            current = handle.read()
    if args.check:
        if current != text:
            print(f"{name} is out of date; run {sys.argv[0]}", file=sys.stderr)
            return 1
        print(f"{name} is up to date", file=sys.stderr)
        return 0
    if current == text:
        print(f"{name} is up to date", file=sys.stderr)
        return 0
    tmp = f"{output}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, output)
    print(f"wrote {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
