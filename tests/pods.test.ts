/**
 * Pods for ML workloads: GPUs and other extended resources, volumes and mounts, env from secrets
 * and config maps, affinity, init containers and image pull secrets. Each check with its code,
 * its message and the place of the value it is about; what is accepted, as the generated file
 * writes it (the real-Airflow harness compares what Airflow parsed from the examples' pods).
 */
import { describe, expect, it } from "vitest";
import { compile, makeProject } from "./helpers/project.js";

async function diagnosticsOf(body: string) {
  const root = makeProject({ "dags-src/x.ts": `import { dag } from "dagwright";\nexport default dag("x", { schedule: null }, (d) => {\n${body}\n});\n` });
  const result = await compile(root);
  return result.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`);
}

describe("pod resources", () => {
  it("take GPUs and other extended resources as limits, and whole; refuse unknown names and a request apart from its limit (DW132, DW125)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.pod("ok", { image: "t", resources: { requests: { cpu: "4", "ephemeral-storage": "20Gi", "hugepages-2Mi": "64Mi" }, limits: { "nvidia.com/gpu": "1", "hugepages-2Mi": "64Mi", "amd.com/gpu": "2" } } });`,
          `  d.pod("p", {`,
          `    image: "t",`,
          `    resources: {`,
          `      requests: { "nvidia.com/gpu": "1", "example.com/fpga": "1", gpu: "1" as any },`,
          `      limits: { "nvidia.com/gpu": "2", "example.com/dongle": "0.5", "kubernetes.io/gpu": "1", memory: "1GB" as any },`,
          `    },`,
          `  });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW132 7:37 task "p" of DAG "x": resources requests 1 of nvidia.com/gpu but limits it to 2; Kubernetes needs the two equal',
      'DW132 7:62 task "p" of DAG "x": resources requests 1 of example.com/fpga with no limit; Kubernetes needs its limit to equal the request',
      'DW132 7:72 task "p" of DAG "x": resources.requests names "gpu", which is not a Kubernetes resource',
      'DW132 8:62 task "p" of DAG "x": resources.limits.example.com/dongle is "0.5", but an extended resource is counted in whole units',
      'DW132 8:90 task "p" of DAG "x": resources.limits names "kubernetes.io/gpu", which is not a Kubernetes resource',
      'DW125 8:103 task "p" of DAG "x": resources.limits.memory "1GB" is not a Kubernetes quantity',
    ]);
  });

  it("check an init container's resources as the task's own (DW125, DW132)", async () => {
    expect(
      await diagnosticsOf(
        `  d.pod("p", { image: "t", initContainers: [{ name: "fetch", image: "busybox", resources: { requests: { cpu: "2", "nvidia.com/gpu": "1" }, limits: { cpu: "1" } } }] });`,
      ),
    ).toEqual([
      'DW125 3:110 task "p" of DAG "x": the cpu request of init container "fetch" (2) is above its limit (1)',
      'DW132 3:133 task "p" of DAG "x": initContainers[0].resources requests 1 of nvidia.com/gpu with no limit; Kubernetes needs its limit to equal the request',
    ]);
  });
});

describe("pod volumes and mounts", () => {
  it("refuse a mount of an undeclared volume, with the closest name (DW133)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.pod("p", {`,
          `    image: "t",`,
          `    volumes: [{ name: "data", persistentVolumeClaim: { claimName: "training-data" } }],`,
          `    volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "dat", mountPath: "/d" }, { name: "models", mountPath: "/models" }],`,
          `    initContainers: [{ name: "fetch", image: "busybox", volumeMounts: [{ name: "scratch", mountPath: "/scratch" }] }],`,
          `  });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW133 6:66 task "p" of DAG "x": volumeMounts[1] mounts volume "dat", which volumes does not declare; did you mean "data"?',
      'DW133 6:100 task "p" of DAG "x": volumeMounts[2] mounts volume "models", which volumes does not declare',
      'DW133 7:80 task "p" of DAG "x": initContainers[0].volumeMounts[0] mounts volume "scratch", which volumes does not declare',
    ]);
  });

  it("refuse repeated volume names and mount paths, and paths that leave their place (DW134, DW125, DW413)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.pod("p", {`,
          `    image: "t",`,
          `    volumes: [`,
          `      { name: "data", persistentVolumeClaim: { claimName: "Training_Data" } },`,
          `      { name: "data", emptyDir: { sizeLimit: "8GB" as any } },`,
          `      { name: "conf", configMap: { name: "train", items: [{ key: "a", path: "../a" }, { key: "b", path: "/b" }] } },`,
          `      { name: "Keys", secret: { secretName: "keys" } },`,
          `    ],`,
          `    volumeMounts: [{ name: "data", mountPath: "data" }, { name: "conf", mountPath: "/etc/x" }, { name: "conf", mountPath: "/etc/x", subPath: "a/../../b" }],`,
          `  });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW413 6:59 task "p" of DAG "x": persistent volume claim "Training_Data" is not a valid Kubernetes name',
      'DW134 7:15 task "p" of DAG "x": volumes[1] repeats the volume name "data"',
      'DW125 7:46 task "p" of DAG "x": volumes[1].emptyDir.sizeLimit "8GB" is not a Kubernetes quantity',
      'DW134 8:77 task "p" of DAG "x": volumes[2].configMap.items[0].path "../a" goes up with \'..\', out of the volume',
      'DW134 8:105 task "p" of DAG "x": volumes[2].configMap.items[1].path "/b" is an absolute path; it is relative to the volume',
      'DW413 9:15 task "p" of DAG "x": volume "Keys" is not a valid Kubernetes name',
      'DW134 11:47 task "p" of DAG "x": volumeMounts[0].mountPath "data" is not an absolute path',
      'DW134 11:123 task "p" of DAG "x": volumeMounts[2].mountPath mounts a second volume at "/etc/x"',
      'DW134 11:142 task "p" of DAG "x": volumeMounts[2].subPath "a/../../b" goes up with \'..\', out of the volume',
    ]);
  });
});

describe("pod affinity", () => {
  it("refuses operators without their values, weights out of 1 to 100, an empty required list and an empty topology key (DW135)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.pod("p", {`,
          `    image: "t",`,
          `    affinity: {`,
          `      nodeAffinity: {`,
          `        required: [{ matchExpressions: [{ key: "gpu", operator: "In" }, { key: "spot", operator: "DoesNotExist", values: ["x"] }], matchFields: [{ key: "cores", operator: "Gt", values: ["many"] }] }],`,
          `        preferred: [{ weight: 0, preference: { matchExpressions: [{ key: "zone", operator: "Exists" }] } }],`,
          `      },`,
          `      podAntiAffinity: { preferred: [{ weight: 101, podAffinityTerm: { topologyKey: "", labelSelector: { matchExpressions: [{ key: "app", operator: "NotIn", values: [] }] } } }] },`,
          `    },`,
          `  });`,
          `  d.pod("q", { image: "t", affinity: { nodeAffinity: { required: [] } } });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW135 7:41 task "p" of DAG "x": affinity.nodeAffinity.required[0].matchExpressions[0] uses In with no values',
      'DW135 7:73 task "p" of DAG "x": affinity.nodeAffinity.required[0].matchExpressions[1] uses DoesNotExist, which takes no values, with 1',
      'DW135 7:146 task "p" of DAG "x": affinity.nodeAffinity.required[0].matchFields[0] uses Gt, which takes one whole number, with ["many"]',
      'DW135 8:31 task "p" of DAG "x": affinity.nodeAffinity.preferred[0].weight is 0, not a whole number from 1 to 100',
      'DW135 10:48 task "p" of DAG "x": affinity.podAntiAffinity.preferred[0].weight is 101, not a whole number from 1 to 100',
      'DW135 10:85 task "p" of DAG "x": affinity.podAntiAffinity.preferred[0].podAffinityTerm.topologyKey is empty; name a node label, such as kubernetes.io/hostname',
      'DW135 10:125 task "p" of DAG "x": affinity.podAntiAffinity.preferred[0].podAffinityTerm.labelSelector.matchExpressions[0] uses NotIn with no values',
      'DW135 13:66 task "q" of DAG "x": affinity.nodeAffinity.required has no term; write at least one, or leave required out',
    ]);
  });
});

describe("pod init containers, env from and image pull secrets", () => {
  it("refuse an init container named base or twice, and names Kubernetes would not take (DW136, DW413)", async () => {
    expect(
      await diagnosticsOf(
        [
          `  d.pod("p", {`,
          `    image: "t",`,
          `    initContainers: [{ name: "base", image: "busybox" }, { name: "fetch", image: "busybox" }, { name: "fetch", image: "busybox" }, { name: "Fetch_2", image: "busybox" }],`,
          `    envFrom: [{ secret: "wandb" }, { configMap: "Train Env" }],`,
          `    configMapKeys: [{ env: "URI", configMap: "mlflow_", key: "uri" }],`,
          `    imagePullSecrets: ["registry-credentials", "Registry"],`,
          `  });`,
        ].join("\n"),
      ),
    ).toEqual([
      'DW136 5:30 task "p" of DAG "x": initContainers[0] is named "base", the name of the task\'s own container',
      'DW136 5:103 task "p" of DAG "x": initContainers[2] repeats the init container name "fetch"',
      'DW413 5:140 task "p" of DAG "x": init container "Fetch_2" is not a valid Kubernetes name',
      'DW413 6:49 task "p" of DAG "x": config map "Train Env" is not a valid Kubernetes name',
      'DW413 7:46 task "p" of DAG "x": config map "mlflow_" is not a valid Kubernetes name',
      'DW413 8:48 task "p" of DAG "x": image pull secret "Registry" is not a valid Kubernetes name',
    ]);
  });
});

describe("a GPU pod as the generated file writes it", () => {
  it("writes every option as the kubernetes client's models", async () => {
    const root = makeProject({
      "dags-src/g.ts": [
        `import { dag } from "dagwright";`,
        `export default dag("gpu", { schedule: null }, (d) => {`,
        `  d.pod("train", {`,
        `    image: "trainer:1",`,
        `    env: { EPOCHS: "3" },`,
        `    configMapKeys: [{ env: "URI", configMap: "mlflow", key: "uri" }],`,
        `    envFrom: [{ configMap: "train-env", optional: true }, { secret: "wandb", prefix: "WANDB_" }],`,
        `    resources: { limits: { "nvidia.com/gpu": "1" } },`,
        `    volumes: [{ name: "keys", secret: { secretName: "keys", optional: true } }, { name: "shm", emptyDir: { medium: "Memory" } }],`,
        `    volumeMounts: [{ name: "keys", mountPath: "/keys", readOnly: true }, { name: "shm", mountPath: "/dev/shm" }],`,
        `    affinity: { podAffinity: { required: [{ topologyKey: "topology.kubernetes.io/zone", namespaces: ["ml"], labelSelector: { matchLabels: { app: "cache" } } }] } },`,
        `    initContainers: [{ name: "warm", image: "busybox:1.36", cmds: ["sh", "-c"], args: ["true"] }],`,
        `    imagePullSecrets: ["registry"],`,
        `  });`,
        `});`,
      ].join("\n"),
    });
    const result = await compile(root);
    expect(result.diagnostics).toEqual([]);
    const python = result.files!.find((file) => file.path === "airflow/gpu.py")!.contents;
    const call = python.slice(python.indexOf("    train = "), python.indexOf("\n    )\n", python.indexOf("    train = ")) + 7);
    expect(call).toBe(`    train = KubernetesPodOperator(
        task_id="train",
        image="trainer:1",
        env_vars=[
            k8s.V1EnvVar(name="EPOCHS", value="3"),
            k8s.V1EnvVar(
                name="URI",
                value_from=k8s.V1EnvVarSource(
                    config_map_key_ref=k8s.V1ConfigMapKeySelector(
                        name="mlflow", key="uri"
                    )
                ),
            ),
        ],
        env_from=[
            k8s.V1EnvFromSource(
                config_map_ref=k8s.V1ConfigMapEnvSource(name="train-env", optional=True)
            ),
            k8s.V1EnvFromSource(
                secret_ref=k8s.V1SecretEnvSource(name="wandb"), prefix="WANDB_"
            ),
        ],
        container_resources=k8s.V1ResourceRequirements(limits={"nvidia.com/gpu": "1"}),
        volumes=[
            k8s.V1Volume(
                name="keys",
                secret=k8s.V1SecretVolumeSource(secret_name="keys", optional=True),
            ),
            k8s.V1Volume(
                name="shm", empty_dir=k8s.V1EmptyDirVolumeSource(medium="Memory")
            ),
        ],
        volume_mounts=[
            k8s.V1VolumeMount(name="keys", mount_path="/keys", read_only=True),
            k8s.V1VolumeMount(name="shm", mount_path="/dev/shm"),
        ],
        affinity=k8s.V1Affinity(
            pod_affinity=k8s.V1PodAffinity(
                required_during_scheduling_ignored_during_execution=[
                    k8s.V1PodAffinityTerm(
                        label_selector=k8s.V1LabelSelector(
                            match_labels={"app": "cache"}
                        ),
                        topology_key="topology.kubernetes.io/zone",
                        namespaces=["ml"],
                    )
                ]
            )
        ),
        init_containers=[
            k8s.V1Container(
                name="warm", image="busybox:1.36", command=["sh", "-c"], args=["true"]
            )
        ],
        image_pull_secrets=[k8s.V1LocalObjectReference(name="registry")],
    )
`);
  });
});
