// Preloaded with `node --import`: records every module URL the process resolves, one per
// line, in the file DAGWRIGHT_TEST_MODULE_LOG names, so a test can see what a command loaded.
import { register } from "node:module";

register(new URL("./loaded-modules-hooks.mjs", import.meta.url), { data: { log: process.env.DAGWRIGHT_TEST_MODULE_LOG } });
