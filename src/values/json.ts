/**
 * The manifest's two JSON forms, each written in one pass over the value:
 *
 * - `manifestJson`: the text of manifest.json. An object or array that fits on its line is
 *   written there, compact, so a task takes a few lines instead of forty and a change shows
 *   as a one-line diff. Keys keep the order the compiler built them in, which the authoring
 *   API fixes (not the order a DAG's options were written in).
 * - `canonicalJson`: compact, keys sorted, some keys left out: what a definition hash hashes.
 *
 * Both follow JSON.stringify for values: undefined members are left out, undefined items are
 * null, and so are numbers that are not finite.
 */
import { compareText } from "./names.js";

/** Columns a line may take before its object or array is broken over several lines. */
const WIDTH = 120;

/** How an object's members are ordered; null keeps them as written. */
type Order = ((a: string, b: string) => number) | null;

/**
 * Sorted, with the keys that are array indices first in numeric order: the order JavaScript
 * gives a sorted object's own keys, which is what definition hashes have hashed.
 */
function sortedOrder(a: string, b: string): number {
  const indexA = arrayIndex(a);
  const indexB = arrayIndex(b);
  if (indexA !== undefined || indexB !== undefined) return (indexA ?? Infinity) - (indexB ?? Infinity) || compareText(a, b);
  return compareText(a, b);
}

function arrayIndex(key: string): number | undefined {
  if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
  const index = Number(key);
  return index < 2 ** 32 - 1 ? index : undefined;
}

type Json = unknown;

function scalar(value: Json): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  return "null";
}

function isContainer(value: Json): value is object {
  return typeof value === "object" && value !== null;
}

/** Keys as JSON strings: a manifest repeats a few dozen keys a million times. */
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) quotedKeys.set(key, (text = JSON.stringify(key)));
  return text;
}

/** The keys of an object in `order` (else as written), without undefined members (as JSON.stringify leaves them out). */
function keysOf(value: object, order: Order, omit?: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  const record = value as Record<string, Json>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    if (item === undefined || typeof item === "function" || omit?.has(key)) continue;
    keys.push(key);
  }
  return order && keys.length > 1 ? keys.sort(order) : keys;
}

/** Compact JSON with sorted keys, leaving out members named in `omit` at any depth. */
export function canonicalJson(value: Json, omit?: ReadonlySet<string>): string {
  if (!isContainer(value)) return scalar(value);
  let text: string;
  if (Array.isArray(value)) {
    text = "[";
    for (let index = 0; index < value.length; index++) text += (index > 0 ? "," : "") + canonicalJson(value[index], omit);
    return text + "]";
  }
  const record = value as Record<string, Json>;
  text = "{";
  const keys = keysOf(value, sortedOrder, omit);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    text += (index > 0 ? "," : "") + quoted(key) + ":" + canonicalJson(record[key], omit);
  }
  return text + "}";
}

/** The text of manifest.json: containers that fit on their line written there, compact. */
export function manifestJson(manifest: object): string {
  return `${block(manifest, "", 0)}\n`;
}

/**
 * A value already written as `manifestJson` writes it at some depth, to be placed at that depth
 * of a bigger value unchanged (a DAG's entry, kept from an earlier compile). Only a value that
 * spans lines may be placed so: its text then does not depend on what surrounds it.
 */
export class RenderedJson {
  constructor(readonly text: string) {}
}

/**
 * The text `manifestJson` gives `value` as an item of an array `depth` levels down, or undefined
 * when it fits on its line (its text would then depend on its neighbours: see RenderedJson).
 */
export function renderedItem(value: object, depth: number): RenderedJson | undefined {
  const indent = "  ".repeat(depth);
  const text = block(value, indent, indent.length);
  return text.includes("\n") ? new RenderedJson(text) : undefined;
}

/** A value at `indent`, with `lead` columns already on its line (the indent and the key). */
function block(value: Json, indent: string, lead: number): string {
  if (value instanceof RenderedJson) return value.text;
  if (!isContainer(value)) return scalar(value);
  const budget = WIDTH - lead - 1; // one column for the comma after it
  if (fits(value, budget)) {
    const flat = JSON.stringify(value);
    if (flat.length <= budget) return flat;
  }
  const inner = `${indent}  `;
  let text: string;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    text = "[\n";
    for (let index = 0; index < value.length; index++) text += (index > 0 ? `,\n${inner}` : inner) + block(value[index], inner, inner.length);
    return `${text}\n${indent}]`;
  }
  const record = value as Record<string, Json>;
  const keys = keysOf(value, null);
  if (keys.length === 0) return "{}";
  text = "{\n";
  for (let index = 0; index < keys.length; index++) {
    const name = `${quoted(keys[index]!)}: `;
    text += (index > 0 ? `,\n${inner}` : inner) + name + block(record[keys[index]!], inner, inner.length + name.length);
  }
  return `${text}\n${indent}}`;
}

/**
 * Whether the compact JSON of a value could take at most `budget` columns, counted without
 * writing it, and given up as soon as it cannot (a list of a thousand DAGs is not walked).
 * Escapes are not counted: the text itself is measured before it is used.
 */
function fits(value: Json, budget: number): boolean {
  let left = budget;
  const walk = (item: Json): boolean => {
    if (typeof item === "string") left -= item.length + 2;
    else if (item instanceof RenderedJson) return false; // it spans lines, so what holds it does too
    else if (!isContainer(item)) left -= item === true ? 4 : item === false ? 5 : typeof item === "number" ? String(item).length : 4;
    else if (Array.isArray(item)) {
      left -= 1 + item.length;
      for (let index = 0; index < item.length && left >= 0; index++) if (!walk(item[index])) return false;
    } else {
      left -= 1;
      const record = item as Record<string, Json>;
      for (const key in record) {
        if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
        left -= key.length + 4;
        if (left < 0 || !walk(record[key])) return false;
      }
    }
    return left >= 0;
  };
  return walk(value);
}
