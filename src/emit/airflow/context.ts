/**
 * What the Airflow back end's parts share while writing one DAG file: the resolved project and
 * DAG, the target's capabilities, the imports the file needs, the Python names of its tasks;
 * and the helpers that turn IR values into Python.
 */
import type { Capabilities } from "../../capabilities/index.js";
import type { ResolvedDag, ResolvedProject } from "../../ir/resolved.js";
import type { AssetRef, AssetWatcherRef } from "../../ir/schema.js";
import { parseUtcDate } from "../../values/date.js";
import { durationParts } from "../../values/duration.js";
import { call, code, keywords, literal, type PyExpr } from "../python/expr.js";
import type { Imports } from "./imports.js";

export interface EmitContext {
  project: ResolvedProject;
  dag: ResolvedDag;
  capabilities: Capabilities;
  imports: Imports;
  /** The Python variable of each task (by id) and group ("group:<id>"). */
  names: ReadonlyMap<string, string>;
}

/** A validated duration as `datetime.timedelta(...)`. */
export function timedelta(text: string, context: EmitContext): PyExpr {
  const parts = durationParts(text);
  if (!parts) throw new Error(`unvalidated duration "${text}"`);
  return call(`${context.imports.datetime()}.timedelta`, [{ name: parts.unit, value: code(String(parts.amount)) }]);
}

export function optionalTimedelta(text: string | undefined, context: EmitContext): PyExpr | undefined {
  return text === undefined ? undefined : timedelta(text, context);
}

/** A validated UTC date as a timezone-aware `datetime.datetime(...)`. */
export function utcDateTime(text: string, context: EmitContext): PyExpr {
  const date = parseUtcDate(text);
  if (!date) throw new Error(`unvalidated date "${text}"`);
  const datetime = context.imports.datetime();
  const parts = [date.year, date.month, date.day];
  if (date.hour || date.minute || date.second) parts.push(date.hour, date.minute);
  if (date.second) parts.push(date.second);
  return call(`${datetime}.datetime`, [...parts.map((part) => code(String(part))), { name: "tzinfo", value: code(`${datetime}.timezone.utc`) }]);
}

export function optionalLiteral(value: string | number | boolean | readonly string[] | undefined): PyExpr | undefined {
  return value === undefined ? undefined : literal(value);
}

/** A callback: the generated `_callback` helper imports the function only when Airflow calls it. */
export function callback(target: string | undefined): PyExpr | undefined {
  return target === undefined ? undefined : call("_callback", [literal(target)]);
}

/**
 * An asset as `Asset(...)` (Airflow 3, with its name when it has one) or `Dataset(...)` (Airflow
 * 2), with its extra, and its watchers where a DAG is scheduled on it.
 */
export function assetCall(asset: AssetRef, context: EmitContext, { watchers = false } = {}): PyExpr {
  const Asset = context.imports.use("Asset");
  const extra = asset.extra && Object.keys(asset.extra).length ? literal(asset.extra) : undefined;
  const watching = watchers && asset.watchers?.length ? { kind: "list" as const, items: asset.watchers.map((watcher) => watcherCall(watcher, context)) } : undefined;
  if ((asset.name === undefined || !context.capabilities.assetNames) && extra === undefined && watching === undefined) return call(Asset, [literal(asset.uri)]);
  const named = asset.name !== undefined && context.capabilities.assetNames;
  return call(Asset, [
    ...(named ? keywords([["name", literal(asset.name!)], ["uri", literal(asset.uri)]]) : [{ value: literal(asset.uri) }]),
    ...keywords([["extra", extra], ["watchers", watching]]),
  ]);
}

/** `AssetWatcher(name=..., trigger=Trigger(...))`, the trigger class imported by its path. */
function watcherCall(watcher: AssetWatcherRef, context: EmitContext): PyExpr {
  const trigger = call(context.imports.useClass(watcher.trigger), keywords(Object.entries(watcher.kwargs ?? {}).map(([name, value]) => [name, literal(value)])));
  return call(context.imports.use("AssetWatcher"), keywords([["name", literal(watcher.name)], ["trigger", trigger]]));
}

/** An asset alias: `AssetAlias("name")` (`DatasetAlias` on Airflow 2). */
export function aliasCall(name: string, context: EmitContext): PyExpr {
  return call(context.imports.use("AssetAlias"), [literal(name)]);
}

/** A list of assets and aliases, or undefined for none. */
export function assetList(assets: readonly AssetRef[] | undefined, context: EmitContext, aliases: readonly string[] = []): PyExpr | undefined {
  const items = [...(assets ?? []).map((asset) => assetCall(asset, context)), ...aliases.map((alias) => aliasCall(alias, context))];
  return items.length ? { kind: "list", items } : undefined;
}
