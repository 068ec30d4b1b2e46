import { dag } from "dagwright";

/** A release that people review in Airflow's UI: a form, a choice, a path, and an approval. */
export default dag("release_review", { schedule: null, startDate: "2026-01-01", tags: ["hitl"] }, (d) => {
  const notes = d.hitlEntry("write_release_notes", {
    subject: "Release notes for {{ ds }}",
    body: "Fill in the **highlights** of this release.",
    params: { highlights: "", breaking: false },
    responseTimeout: "1d",
  });
  const channel = d.hitl("choose_channel", {
    subject: "Which channel?",
    options: ["stable", "beta", "nightly"],
    defaults: ["beta"],
    responseTimeout: "4h",
  });
  const ship = d.bash("ship", { command: "echo shipping" });
  const hold = d.empty("hold");
  const path = d.hitlBranch("ship_or_hold", {
    subject: "Ship the release?",
    options: { "Ship it": ship, Hold: hold },
    defaults: "Hold",
    responseTimeout: "2h",
  });
  const announce = d.approval("approve_announcement", {
    subject: "Announce the release?",
    body: "Approving posts to the team channel.",
    defaults: "Reject",
    ignoreDownstreamTriggerRules: true,
    responseTimeout: "1h",
  });
  notes.then(channel).then(path).then([ship, hold]);
  ship.then(announce).then(d.bash("post_announcement", { command: "echo posted" }));
});
