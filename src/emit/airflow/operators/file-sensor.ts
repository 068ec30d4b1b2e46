/** FileSensor: a file or folder. */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import { sensorKeywords } from "./sensor.js";
import type { OperatorEmitter } from "./types.js";

export const fileSensor: OperatorEmitter<"file_sensor"> = {
  operator: () => "FileSensor",
  fields: {
    filepath: (t) => kw("filepath", literal(t.ir.config.filepath)),
    fsConnId: (t) => kw("fs_conn_id", optionalLiteral(t.ir.config.fsConnId)),
    recursive: (t) => kw("recursive", optionalLiteral(t.ir.config.recursive)),
    ...sensorKeywords(),
  },
};
