import { dag } from "dagwright";

/** A tall pipeline reads better top to bottom in Airflow 2's graph view. */
export default dag("top_down", { schedule: null, orientation: "TB", description: "stages drawn top to bottom" }, (d) => {
  const extract = d.bash("extract", { command: "echo extract" });
  const transform = d.bash("transform", { command: "echo transform" });
  const load = d.bash("load", { command: "echo load" });
  extract.then(transform).then(load);
});
