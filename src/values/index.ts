/**
 * Readers of the value formats the IR keeps as the author wrote them (durations, dates, memory
 * sizes, Kubernetes quantities, names). Validation uses them to reject bad values, resolve and
 * the back ends to convert good ones. This module imports nothing of dagwright's.
 */
export * from "./date.js";
export * from "./duration.js";
export * from "./memory.js";
export * from "./names.js";
export * from "./quantity.js";
export * from "./python.js";
export * from "./time-of-day.js";
export * from "./presets.js";
