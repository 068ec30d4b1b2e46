/**
 * Params with full JSON schemas: every keyword as Airflow's `Param` takes it in the generated
 * file, the schema checked with ajv (DW195), defaults against it (DW129), trigger-form labels
 * (DW196), each with its exact message.
 */
import { describe, expect, it } from "vitest";
import { PARAM_FORMATS } from "../src/ir/schema.js";
import { diagnosticsOf as validated } from "./helpers/ir.js";
import { compile, makeProject } from "./helpers/project.js";

function module(params: string, schedule = "null") {
  return `import { dag, param } from "dagwright";\nexport default dag("p", { schedule: ${schedule}${schedule === "null" ? "" : ', startDate: "2026-01-01"'}, params: {\n${params}\n} }, (d) => { d.empty("a"); });\n`;
}

async function diagnosticsOf(params: string, schedule?: string) {
  return (await validated({ "dags-src/p.ts": module(params, schedule) })).map((d) => `${d.code} ${d.message}`);
}

async function paramLines(params: string, airflow = "3.3") {
  const result = await compile(makeProject({ "dags-src/p.ts": module(params) }, airflow));
  expect(result.diagnostics).toEqual([]);
  const file = result.files!.find((f) => f.path === "airflow/p.py")!.contents;
  return file.slice(file.indexOf("    params={"), file.indexOf("\n    },\n", file.indexOf("    params={")) + 7);
}

describe("param schemas in the generated file", () => {
  it("write every keyword under Airflow's name, the default first", async () => {
    const text = await paramLines(
      [
        `  region: param.string({ default: "eu", enum: ["eu", "us"], title: "Region", description: "Where", valuesDisplay: { eu: "Europe", us: "Americas" }, section: "Scope" }),`,
        `  notes: param.string({ format: "multiline", descriptionMd: "Free **text**", nullable: true, default: null }),`,
        `  day: param.string({ format: "date", default: "2026-01-01" }),`,
        `  at: param.string({ format: "time", default: "06:30:00" }),`,
        `  email: param.string({ format: "email", default: "team@example.com", pattern: "@example\\\\.com$" }),`,
        `  size: param.integer({ default: 4, enum: [2, 4, 8] }),`,
        `  ratio: param.number({ default: 0.5, exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 }),`,
        `  tags: param.array({ default: ["a"], items: { type: "string", minLength: 1 }, minItems: 1, maxItems: 3, uniqueItems: true, examples: ["a", "b"] }),`,
        `  anything: param.any({ default: { k: [1] } }),`,
        `  mode: param.of({ type: ["null", "string", "integer"], default: 3 }),`,
        `  fixed: param.string({ const: "v1", default: "v1" }),`,
        `  flag: param.boolean({ default: false }),`,
        `  conf: param.object({ default: {} }),`,
      ].join("\n"),
    );
    expect(text.split("\n")).toEqual([
      "    params={",
      '        "region": Param(',
      '            "eu",',
      '            type="string",',
      '            title="Region",',
      '            description="Where",',
      '            section="Scope",',
      '            enum=["eu", "us"],',
      '            values_display={"eu": "Europe", "us": "Americas"},',
      "        ),",
      '        "notes": Param(',
      "            None,",
      '            type=["string", "null"],',
      '            description_md="Free **text**",',
      '            format="multiline",',
      "        ),",
      '        "day": Param("2026-01-01", type="string", format="date"),',
      '        "at": Param("06:30:00", type="string", format="time"),',
      '        "email": Param(',
      '            "team@example.com", type="string", pattern="@example\\\\.com$", format="email"',
      "        ),",
      '        "size": Param(4, type="integer", enum=[2, 4, 8]),',
      '        "ratio": Param(',
      '            0.5, type="number", exclusiveMinimum=0, exclusiveMaximum=1, multipleOf=0.25',
      "        ),",
      '        "tags": Param(',
      '            ["a"],',
      '            type="array",',
      '            examples=["a", "b"],',
      "            minItems=1,",
      "            maxItems=3,",
      "            uniqueItems=True,",
      '            items={"type": "string", "minLength": 1},',
      "        ),",
      '        "anything": Param({"k": [1]}),',
      '        "mode": Param(3, type=["null", "string", "integer"]),',
      '        "fixed": Param("v1", type="string", const="v1"),',
      '        "flag": Param(False, type="boolean"),',
      '        "conf": Param({}, type="object"),',
      "    },",
    ]);
  });
});

describe("param schema checks", () => {
  it("refuse schemas no value fits or JSON Schema rejects (DW195)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  a: param.integer({ minimum: 10, maximum: 1 }),`,
        `  b: param.string({ minLength: 3, maxLength: 2 }),`,
        `  c: param.string({ pattern: "([a-z" }),`,
        `  d: param.string({ format: "colour" as any }),`,
        `  e: param.of({ type: ["integer"], format: "date" }),`,
        `  f: param.string({ enum: [] }),`,
        `  g: param.array({ items: { type: "integer", minLength: 1 } }),`,
        `  h: param.integer({ enum: [1, 2, 30], maximum: 10 }),`,
        `  i: param.array({ minItems: 1.5 }),`,
        `  j: param.number({ multipleOf: 0 }),`,
      ].join("\n"),
    );
    expect(diagnostics).toEqual([
      'DW195 param "a" of DAG "p": minimum 10 is above maximum 1, so no value fits',
      'DW195 param "b" of DAG "p": minLength 3 is above maxLength 2, so no value fits',
      `DW195 param "c" of DAG "p": pattern "([a-z" is not a regular expression (Invalid regular expression: /([a-z/u: Unterminated character class)`,
      'DW195 param "d" of DAG "p": format "colour" is not one Airflow knows (date, date-time, time, multiline, password, email, idn-email, hostname, idn-hostname, ipv4, ipv6, uri, uri-reference, uri-template, uuid, regex, duration, json-pointer, relative-json-pointer)',
      'DW195 param "e" of DAG "p": format "date" applies to strings, and the type is integer',
      'DW195 param "f" of DAG "p": enum lists no value, so no value fits',
      'DW195 param "g" of DAG "p": items: minLength applies to strings, and the type is integer',
      'DW195 param "h" of DAG "p": enum value 30 must be <= 10',
      'DW195 param "i" of DAG "p": minItems must be a whole number of 0 or more, not 1.5',
      'DW195 param "j" of DAG "p": multipleOf must be above 0, not 0',
    ]);
  });

  it("know every format Airflow's form and jsonschema know, and take a valid default of each", async () => {
    const valid: Record<(typeof PARAM_FORMATS)[number], string> = {
      date: "2026-01-31",
      "date-time": "2026-01-31T06:30:00+00:00",
      time: "06:30:00",
      multiline: "one\ntwo",
      password: "s3cret",
      email: "team@example.com",
      "idn-email": "équipe@example.com",
      hostname: "airflow.example.com",
      "idn-hostname": "bücher.example",
      ipv4: "10.0.0.1",
      ipv6: "::1",
      uri: "https://example.com/a?b=c",
      "uri-reference": "../a",
      "uri-template": "https://example.com/{id}",
      uuid: "0f8fad5b-d9cb-469f-a165-70867728950e",
      regex: "^a+$",
      duration: "P1DT2H",
      "json-pointer": "/a/0",
      "relative-json-pointer": "1/a",
    };
    const params = PARAM_FORMATS.map((format, index) => `  f${index}: param.string({ format: ${JSON.stringify(format)}, default: ${JSON.stringify(valid[format])} }),`);
    expect(await diagnosticsOf(params.join("\n"))).toEqual([]);
  });

  it("check defaults against the whole schema, formats included (DW129)", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  a: param.string({ format: "date", default: "2026-02-30" }),`,
        `  b: param.string({ format: "date-time", default: "2026-01-01T00:00:00" }),`,
        `  c: param.string({ format: "time", default: "06:30" }),`,
        `  d: param.string({ format: "email", default: "nobody" }),`,
        `  e: param.string({ pattern: "^v[0-9]+$", default: "x1" }),`,
        `  f: param.array({ items: { type: "integer" }, default: [1, "2"] }),`,
        `  g: param.array({ uniqueItems: true, default: [1, 1] }),`,
        `  h: param.number({ exclusiveMaximum: 1, default: 1 }),`,
        `  i: param.string({ const: "v1", default: "v2" }),`,
        `  j: param.of({ type: ["null", "integer"], default: "x" as any }),`,
        `  k: param.string({ nullable: true, default: null }),`,
        `  l: param.any({ default: [1, { x: null }] }),`,
      ].join("\n"),
    );
    expect(diagnostics).toEqual([
      'DW129 param "a" of DAG "p": the default "2026-02-30" must match format "date"',
      'DW129 param "b" of DAG "p": the default "2026-01-01T00:00:00" must match format "date-time"',
      'DW129 param "c" of DAG "p": the default "06:30" must match format "time"',
      'DW129 param "d" of DAG "p": the default "nobody" must match format "email"',
      'DW129 param "e" of DAG "p": the default "x1" must match pattern "^v[0-9]+$"',
      'DW129 param "f" of DAG "p": the default [1,"2"] at /1 must be integer',
      'DW129 param "g" of DAG "p": the default [1,1] must NOT have duplicate items (items ## 0 and 1 are identical)',
      'DW129 param "h" of DAG "p": the default 1 must be < 1',
      'DW129 param "i" of DAG "p": the default "v2" must be equal to constant',
      'DW129 param "j" of DAG "p": the default "x" is not of type null or integer',
    ]);
  });

  it("warn about trigger-form labels of no value (DW196), keyed as Python's str() writes values", async () => {
    const diagnostics = await diagnosticsOf(
      [
        `  a: param.string({ enum: ["eu", "us"], valuesDisplay: { eu: "Europe", EU: "Europe" } }),`,
        `  b: param.integer({ enum: [1, 2], valuesDisplay: { "1": "one", "3": "three" } }),`,
        `  c: param.array({ examples: ["x"], valuesDisplay: { x: "Ex", y: "Why" } }),`,
      ].join("\n"),
    );
    expect(diagnostics).toEqual([
      'DW196 param "a" of DAG "p": valuesDisplay labels "EU", which is none of its enum or example values',
      'DW196 param "b" of DAG "p": valuesDisplay labels "3", which is none of its enum or example values',
      'DW196 param "c" of DAG "p": valuesDisplay labels "y", which is none of its enum or example values',
    ]);
  });

  it("still require defaults on scheduled DAGs, null counting as one (DW129)", async () => {
    const diagnostics = await diagnosticsOf([`  a: param.string(),`, `  b: param.string({ nullable: true, default: null }),`].join("\n"), `"@daily"`);
    expect(diagnostics).toEqual(['DW129 param "a" of DAG "p" has no default, but scheduled runs cannot be given one']);
  });
});
