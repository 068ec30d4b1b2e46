// Reproducible Python virtualenvs for the real-Airflow tests.
//
//   import { ensureVenv } from "./venvs.mjs";
//   const bin = await ensureVenv("airflow-3");   // -> "<repo>/.cache/venvs/airflow-3/bin"
//
//   node tests/airflow/venvs.mjs all            # build (or reuse) every venv, print timings
//   node tests/airflow/venvs.mjs airflow-2.10   # just one (plus "tools", which it needs)
//   node tests/airflow/venvs.mjs spark          # real PySpark: Spark's jars and bin/spark-submit
//   node tests/airflow/venvs.mjs --rebuild all  # force a rebuild
//
// Each venv is installed exactly from tests/airflow/requirements/<name>.lock.txt.
// A venv is reused when its stamp file matches the sha256 of its lock file (and the recipe
// version below); otherwise it is rebuilt in a temporary directory and renamed into place,
// and the stamp is written last, so an interrupted build never looks valid.
//
// Environment:
//   DAGWRIGHT_VENV_DIR  where venvs live (default <repo>/.cache/venvs)
//   DAGWRIGHT_PYTHON    base interpreter for `-m venv` (default "python3"; locks target CPython 3.11)
//   UV_CACHE_DIR        honoured by uv as usual (default ~/.cache/uv, shared between clones)
//
// No npm dependencies: Node 20 built-ins only.

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, "..", "..");
export const REQUIREMENTS_DIR = path.join(HERE, "requirements");
export const VENV_NAMES = Object.freeze([
  "tools",
  "airflow-2.9",
  "airflow-2.10",
  "airflow-2.11",
  "airflow-3.0",
  "airflow-3.1",
  "airflow-3.2",
  "airflow-3", // Airflow 3.3
  "spark",
]);

// Bump when the build procedure changes in a way that should invalidate existing venvs.
const RECIPE_VERSION = 3;
const STAMP_FILE = ".dagwright-venv-stamp.json";
const LOCK_STALE_MS = 60 * 60 * 1000; // a build lock older than this with a dead owner is ignored

export function venvRoot() {
  return path.resolve(process.env.DAGWRIGHT_VENV_DIR || path.join(REPO_ROOT, ".cache", "venvs"));
}

export function venvDir(name) {
  checkName(name);
  return path.join(venvRoot(), name);
}

export function lockFile(name) {
  checkName(name);
  return path.join(REQUIREMENTS_DIR, `${name}.lock.txt`);
}

function checkName(name) {
  if (!VENV_NAMES.includes(name)) {
    throw new Error(`unknown venv ${JSON.stringify(name)}; expected one of ${VENV_NAMES.join(", ")}`);
  }
}

function log(msg) {
  process.stderr.write(`[venv] ${msg}\n`);
}

function secondsSince(t0) {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

function sha256File(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function expectedStamp(name) {
  return { name, lock_sha256: sha256File(lockFile(name)), recipe: RECIPE_VERSION };
}

/** True when the venv at `dir` was fully built from the current lock file. Cheap: no process spawn. */
function isValid(name, dir = venvDir(name)) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, STAMP_FILE), "utf8"));
  } catch {
    return false;
  }
  const want = expectedStamp(name);
  if (stamp.lock_sha256 !== want.lock_sha256 || stamp.recipe !== want.recipe) return false;
  // existsSync follows the symlink, so this also notices a removed base interpreter.
  return existsSync(path.join(dir, "bin", "python"));
}

/** Run a command, appending its output to `logStream`; reject with the log tail on failure. */
function run(cmd, args, { logStream, logPath, env, cwd }) {
  return new Promise((resolve, reject) => {
    logStream.write(`\n$ ${[cmd, ...args].join(" ")}\n`);
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    const onData = (buf) => {
      logStream.write(buf);
      tail = (tail + buf.toString()).slice(-4000);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (err) => reject(new Error(`cannot run ${cmd}: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(cmd)} ${args.slice(0, 3).join(" ")} ... failed ` +
              `(${signal ?? `exit ${code}`}); full log: ${logPath}\n${tail}`,
          ),
        );
    });
  });
}

/** Rewrite absolute paths of the temporary build dir in bin/ scripts (shebangs, activate). */
async function relocateBin(binDir, fromDir, toDir) {
  for (const entry of await fsp.readdir(binDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue; // skip python symlinks
    const file = path.join(binDir, entry.name);
    const stat = await fsp.stat(file);
    if (stat.size > 1024 * 1024) continue; // native binaries (uv, ruff)
    const buf = await fsp.readFile(file);
    if (buf.includes(0)) continue; // binary
    const text = buf.toString("utf8");
    if (!text.includes(fromDir)) continue;
    // Write a new inode (files may be hard links into the uv cache).
    const tmp = `${file}.relocate-${process.pid}`;
    await fsp.writeFile(tmp, text.split(fromDir).join(toDir), { mode: stat.mode });
    await fsp.rename(tmp, file);
  }
  const cfg = path.join(path.dirname(binDir), "pyvenv.cfg");
  if (existsSync(cfg)) {
    const text = await fsp.readFile(cfg, "utf8");
    if (text.includes(fromDir)) await fsp.writeFile(cfg, text.split(fromDir).join(toDir));
  }
}

async function acquireBuildLock(name) {
  const lockDir = path.join(venvRoot(), `.${name}.building`);
  const t0 = performance.now();
  let announced = false;
  for (;;) {
    try {
      await fsp.mkdir(lockDir);
      await fsp.writeFile(path.join(lockDir, "owner"), `${process.pid}\n`);
      return async () => fsp.rm(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
    // Someone else is building: wait for them, unless the owner is dead or the lock is ancient.
    let ownerAlive = true;
    try {
      const pid = Number(readFileSync(path.join(lockDir, "owner"), "utf8").trim());
      if (pid) process.kill(pid, 0);
    } catch (err) {
      if (err.code === "ESRCH") ownerAlive = false;
    }
    let age = 0;
    try {
      age = Date.now() - (await fsp.stat(lockDir)).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    if (!ownerAlive || age > LOCK_STALE_MS) {
      log(`${name}: removing stale build lock ${lockDir}`);
      await fsp.rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`${name}: waiting for another process that is building it ...`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 1000));
    if (performance.now() - t0 > 2 * LOCK_STALE_MS) throw new Error(`timed out waiting for ${lockDir}`);
  }
}

// Packages of a lock that PyPI ships only as an sdist. They are built once into a wheel in
// <venv root>/.wheelhouse/ (with the tools venv's pip) and uv installs that wheel (--find-links;
// uv prefers a wheel over the index's sdist of the same version). Left to uv, pyspark's 450 MB
// sdist is rebuilt on every install whenever the download comes without HTTP caching headers
// (as through this machine's PyPI proxy): about 20 s and another 0.5-1.4 GB in the uv cache
// each time. Wheels are named by version, so a lock bump builds a new one; delete
// .wheelhouse/ at any time to reclaim old ones.
// (The Airflow venvs whose locks have apache-spark provider 5.x get the full pyspark through
// it: 2.9, 2.10 and 3.0, whose lock is resolved at an older --exclude-newer day; the others get
// the wheel-only pyspark-client through provider 6.x.)
const SDIST_ONLY = Object.freeze({
  spark: ["pyspark"],
  "airflow-2.9": ["pyspark"],
  "airflow-2.10": ["pyspark"],
  "airflow-3.0": ["pyspark"],
});

export function wheelhouseDir() {
  return path.join(venvRoot(), ".wheelhouse");
}

/** `name==version` pins of a lock file, by normalized package name. */
function lockPins(lock) {
  const pins = new Map();
  for (const line of readFileSync(lock, "utf8").split("\n")) {
    const m = /^([A-Za-z0-9._-]+)==([^\s;#]+)/.exec(line);
    if (m) pins.set(m[1].toLowerCase().replace(/[-_.]+/g, "-"), m[2]);
  }
  return pins;
}

/**
 * Build the wheels of venv `name`'s sdist-only packages into the wheelhouse unless present.
 * Returns true when the venv has such packages (so the install should look in the wheelhouse).
 */
async function ensureWheels(name, toolsBin, opts) {
  const packages = SDIST_ONLY[name];
  if (!packages) return false;
  const dir = wheelhouseDir();
  await fsp.mkdir(dir, { recursive: true });
  for (const entry of await fsp.readdir(dir)) {
    const pid = entry.startsWith(".tmp-") ? Number(entry.split("-")[1]) : 0;
    if (pid && !pidAlive(pid)) await fsp.rm(path.join(dir, entry), { recursive: true, force: true });
  }
  const pins = lockPins(lockFile(name));
  for (const pkg of packages) {
    const version = pins.get(pkg);
    if (!version) throw new Error(`${lockFile(name)} does not pin ${pkg}`);
    const prefix = `${pkg.replace(/-/g, "_")}-${version}-`;
    const have = (await fsp.readdir(dir)).some((f) => f.startsWith(prefix) && f.endsWith(".whl"));
    if (have) continue;
    log(`${name}: building a wheel of ${pkg}==${version} from its sdist into ${dir} (once) ...`);
    const tmp = path.join(dir, `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      await run(
        path.join(toolsBin, "python"),
        ["-m", "pip", "wheel", "--no-deps", "--no-input", "--no-cache-dir", "-w", tmp, `${pkg}==${version}`],
        { ...opts, env: { PIP_DISABLE_PIP_VERSION_CHECK: "1" } },
      );
      const built = (await fsp.readdir(tmp)).filter((f) => f.startsWith(prefix) && f.endsWith(".whl"));
      if (built.length !== 1) throw new Error(`pip wheel ${pkg}==${version} produced ${built.join(", ") || "nothing"}`);
      await fsp.rename(path.join(tmp, built[0]), path.join(dir, built[0]));
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  }
  return true;
}

// pip-installed Spark finds its SPARK_HOME in bin/find-spark-home (sourced by spark-submit,
// pyspark, spark-shell ... when SPARK_HOME is unset) by running find_spark_home.py with
// $PYSPARK_DRIVER_PYTHON, else $PYSPARK_PYTHON, else whatever `python3` is first on PATH. From
// any other environment (an Airflow worker's venv, a bare shell) that interpreter has no
// pyspark, or only pyspark-client without jars, and spark-submit fails with "Could not find
// valid SPARK_HOME". Make this venv's scripts ask the venv's own python instead, so
// .cache/venvs/spark/bin/spark-submit works from anywhere; PYSPARK_PYTHON then only chooses
// the Python that runs the job.
const FIND_SPARK_HOME_LINE = 'export SPARK_HOME=$($PYSPARK_DRIVER_PYTHON "$FIND_SPARK_HOME_PYTHON_SCRIPT")';
const FIND_SPARK_HOME_PINNED =
  '# dagwright venvs.mjs: use this venv\'s python (was $PYSPARK_DRIVER_PYTHON, default python3 on PATH)\n' +
  '  export SPARK_HOME=$("$(dirname "$FIND_SPARK_HOME_PYTHON_SCRIPT")/python" "$FIND_SPARK_HOME_PYTHON_SCRIPT")';

async function pinSparkHome(binDir) {
  const file = path.join(binDir, "find-spark-home");
  const text = await fsp.readFile(file, "utf8");
  if (text.split(FIND_SPARK_HOME_LINE).length !== 2) {
    throw new Error(`${file}: expected the line ${FIND_SPARK_HOME_LINE} once; did pyspark change it?`);
  }
  // Write a new inode: the installed file is a hard link into the uv cache.
  const tmp = `${file}.pin-${process.pid}`;
  await fsp.writeFile(tmp, text.replace(FIND_SPARK_HOME_LINE, FIND_SPARK_HOME_PINNED), {
    mode: (await fsp.stat(file)).mode,
  });
  await fsp.rename(tmp, file);
}

// Check of the spark venv: pyspark imports and the Spark it bundles is complete.
const SPARK_CHECK = `
import os, sys, pyspark
home = os.path.dirname(pyspark.__file__)
missing = [p for p in ("bin/spark-submit", "bin/spark-class", "jars") if not os.path.exists(os.path.join(home, p))]
if not os.path.exists(os.path.join(sys.prefix, "bin", "spark-submit")):
    missing.append("<venv>/bin/spark-submit")
if missing:
    sys.exit("pyspark is incomplete, missing: %s" % missing)
print(pyspark.__version__, home)
`;

async function build(name) {
  const root = venvRoot();
  const finalDir = venvDir(name);
  const lock = lockFile(name);
  const stamp = expectedStamp(name);
  const python = process.env.DAGWRIGHT_PYTHON || "python3";
  const tmpDir = path.join(root, `.tmp-${name}-${process.pid}-${randomBytes(4).toString("hex")}`);
  const logPath = path.join(root, `${name}.build.log`);
  const logStream = createWriteStream(logPath);
  const opts = { logStream, logPath, cwd: root };
  const t0 = performance.now();
  const step = (what) => log(`${name}: ${what} (${secondsSince(t0)}s)`);
  let toolsBin = null;
  if (name !== "tools") toolsBin = await ensureVenv("tools");

  try {
    log(`building ${name} from ${path.relative(REPO_ROOT, lock)} (log: ${logPath}) ...`);
    await run(python, ["-m", "venv", "--prompt", name, tmpDir], opts);
    const tmpPython = path.join(tmpDir, "bin", "python");
    const version = await captureOutput(tmpPython, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
    if (version.trim() !== "3.11") {
      log(`${name}: WARNING base interpreter is Python ${version.trim()}, locks were resolved for 3.11`);
    }
    step("venv created, installing lock");
    const heartbeat = setInterval(() => step("still installing"), 15000);
    try {
      if (name === "tools") {
        await run(tmpPython, ["-m", "pip", "install", "--no-deps", "--no-input", "-r", lock], {
          ...opts,
          env: { PIP_DISABLE_PIP_VERSION_CHECK: "1" },
        });
        await run(tmpPython, ["-m", "pip", "check"], opts);
      } else {
        const uv = path.join(toolsBin, "uv");
        const findLinks = (await ensureWheels(name, toolsBin, opts)) ? ["--find-links", wheelhouseDir()] : [];
        // --compile-bytecode: this machine sets PYTHONDONTWRITEBYTECODE=1, so without it every
        // `import airflow` recompiles everything (about 2.7 s instead of 1.4 s per process).
        await run(
          uv,
          ["pip", "install", "--python", tmpPython, "--no-deps", "--compile-bytecode", ...findLinks, "-r", lock],
          opts,
        );
        await run(uv, ["pip", "check", "--python", tmpPython], opts);
      }
    } finally {
      clearInterval(heartbeat);
    }
    step("installed, checking import");
    if (name === "tools") {
      await run(path.join(tmpDir, "bin", "uv"), ["--version"], opts);
      await run(path.join(tmpDir, "bin", "ruff"), ["--version"], opts);
    } else if (name === "spark") {
      // The wheel's jars/ and bin/ make <venv>/lib/python3.11/site-packages/pyspark a
      // SPARK_HOME. Running Spark needs Java 17+ (not needed to build).
      await pinSparkHome(path.join(tmpDir, "bin"));
      await run(tmpPython, ["-c", SPARK_CHECK], opts);
    } else {
      await run(tmpPython, ["-c", "import airflow, sys; sys.stdout.write(airflow.__version__ + '\\n')"], {
        ...opts,
        env: { AIRFLOW_HOME: path.join(tmpDir, ".airflow-home-import-check"), AIRFLOW__CORE__LOAD_EXAMPLES: "False" },
      });
      await fsp.rm(path.join(tmpDir, ".airflow-home-import-check"), { recursive: true, force: true });
    }

    // Swap into place: remove the old venv, rename, fix absolute paths, then stamp last.
    if (existsSync(finalDir)) {
      const trash = `${tmpDir}.old`;
      await fsp.rename(finalDir, trash);
      await fsp.rm(trash, { recursive: true, force: true });
    }
    await fsp.rename(tmpDir, finalDir);
    await relocateBin(path.join(finalDir, "bin"), tmpDir, finalDir);
    await fsp.writeFile(
      path.join(finalDir, STAMP_FILE),
      JSON.stringify({ ...stamp, python: version.trim(), built_at: new Date().toISOString() }, null, 2) + "\n",
    );
    log(`built ${name} in ${secondsSince(t0)}s -> ${finalDir}`);
  } catch (err) {
    await fsp.rm(tmpDir, { recursive: true, force: true }).catch(() => {});
    throw err;
  } finally {
    await new Promise((r) => logStream.end(r));
  }
}

function captureOutput(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}`))));
  });
}

const inFlight = new Map();

/**
 * Make sure venv `name` (one of VENV_NAMES) exists and matches its lock file.
 * Returns the absolute path of its bin directory.
 * @param {string} name
 * @param {{rebuild?: boolean}} [options]
 */
export function ensureVenv(name, options = {}) {
  checkName(name);
  const key = `${name}:${options.rebuild ? 1 : 0}`;
  if (!inFlight.has(key)) {
    const p = ensureVenvUncached(name, options).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return inFlight.get(key);
}

function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** Remove temp dirs and build locks left behind by killed builds of `name` (owner pid is dead). */
async function removeLeftovers(name) {
  let entries;
  try {
    entries = await fsp.readdir(venvRoot());
  } catch {
    return;
  }
  const prefix = `.tmp-${name}-`;
  for (const entry of entries) {
    let pid = 0;
    if (entry.startsWith(prefix)) {
      pid = Number(entry.slice(prefix.length).split("-")[0]);
    } else if (entry === `.${name}.building`) {
      try {
        pid = Number(readFileSync(path.join(venvRoot(), entry, "owner"), "utf8").trim());
      } catch {
        continue; // owner file not written yet: a build is just starting
      }
    } else {
      continue;
    }
    if (pid && !pidAlive(pid)) {
      log(`${name}: removing leftover ${entry} of a killed build (pid ${pid})`);
      await fsp.rm(path.join(venvRoot(), entry), { recursive: true, force: true });
    }
  }
}

async function ensureVenvUncached(name, { rebuild = false } = {}) {
  const bin = path.join(venvDir(name), "bin");
  await removeLeftovers(name);
  if (!rebuild && isValid(name)) return bin;
  await fsp.mkdir(venvRoot(), { recursive: true });
  const release = await acquireBuildLock(name);
  try {
    // Leftovers of builds that were killed (we hold the lock, so nobody else is using them).
    for (const entry of await fsp.readdir(venvRoot())) {
      if (entry.startsWith(`.tmp-${name}-`)) {
        await fsp.rm(path.join(venvRoot(), entry), { recursive: true, force: true });
      }
    }
    // Another process may have finished the build while we waited for the lock.
    if (rebuild || !isValid(name)) await build(name);
  } finally {
    await release();
  }
  return bin;
}

async function main(argv) {
  const rebuild = argv.includes("--rebuild");
  const args = argv.filter((a) => a !== "--rebuild");
  if (args.length === 0 || args.includes("-h") || args.includes("--help")) {
    process.stderr.write(`usage: node tests/airflow/venvs.mjs [--rebuild] all | ${VENV_NAMES.join(" | ")} ...\n`);
    return args.length === 0 ? 2 : 0;
  }
  const names = args.includes("all") ? [...VENV_NAMES] : args;
  names.forEach(checkName);
  const rows = [];
  for (const name of names) {
    const warm = !rebuild && isValid(name);
    const t0 = performance.now();
    const bin = await ensureVenv(name, { rebuild });
    rows.push({ name, mode: warm ? "warm" : "cold", seconds: Number(secondsSince(t0)), bin });
  }
  for (const r of rows) {
    process.stdout.write(`${r.name.padEnd(14)} ${r.mode}  ${r.seconds.toFixed(1).padStart(7)}s  ${r.bin}\n`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`[venv] ERROR: ${err.stack || err}\n`);
      process.exit(1);
    },
  );
}
