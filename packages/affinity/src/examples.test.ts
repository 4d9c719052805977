import { type Node, type Pod, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  addOrUpdateTolerations,
  applyTaintChanges,
  checkFieldSelectorSupported,
  collectRequirementErrors,
  createFieldSelectorError,
  createLazyNodeSelector,
  createNodeSelector,
  createPreferredSchedulingTerms,
  createRequirement,
  daemonSetDefaultTolerations,
  doNotScheduleTaintFilter,
  escapeFieldValue,
  everything,
  everythingFields,
  fieldSelectorFromRequirements,
  fieldsOf,
  findUntoleratedTaint,
  labelSelectorAsSelector,
  matchNodeSelectorTerms,
  matchTaint,
  matchToleration,
  nodeNamesFromAffinityPins,
  nothing,
  parseFieldSelector,
  parseSelector,
  parseSelectorRequirements,
  parseTaint,
  parseTaintArguments,
  Requirement,
  requiredNodeAffinity,
  selectorFromRequirements,
  selectorFromSet,
  selectorOperators,
  sortRequirementsByKey,
  supportedFieldLabels,
  TaintArgumentError,
  TaintEffect,
  taintToString,
  toleratesTaint,
  tolerationsTolerateTaint,
  unescapeFieldValue,
  untoleratedTaintReason,
  validatedSelectorFromSet,
  validateTaintChanges,
  validateTolerations,
  wellKnownTaintKeys,
} from "./index.js";

// Each row replays the `@example` block of one exported name with the same inputs and
// compares every line's result with what its `// =>` (or `// throws`) comment claims.
// When a TSDoc example changes, its row changes with it.

const zoneANode: Node = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
const zoneBNode: Node = { metadata: { name: "node-2", labels: { zone: "b" } } };

/** The error `run` throws; fails the example when nothing is thrown. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the example to throw");
}

/** The message of the StatusError `run` throws; fails the example for any other error. */
function statusErrorMessage(run: () => unknown): string {
  const error = thrown(run);
  if (!StatusError.isInstance(error)) throw new Error(`expected a StatusError, got ${String(error)}`);
  return error.message;
}

/** The message of the TaintArgumentError `run` throws; fails the example for any other error. */
function taintErrorMessage(run: () => unknown): string {
  const error = thrown(run);
  if (!TaintArgumentError.isInstance(error)) {
    throw new Error(`expected a TaintArgumentError, got ${String(error)}`);
  }
  return error.message;
}

/** The field of the first field error of the StatusError `run` throws. */
function thrownField(run: () => unknown): string | undefined {
  const error = thrown(run);
  return StatusError.isInstance(error) ? error.errors[0]?.field : undefined;
}

interface ExampleCase {
  /** The exported name whose TSDoc holds the example. */
  readonly name: string;
  /** The results of the example's lines, in order. */
  readonly run: () => readonly unknown[];
  /** What the example's comments claim, in the same order. */
  readonly claimed: readonly unknown[];
}

const cases: readonly ExampleCase[] = [
  // fields/
  {
    name: "checkFieldSelectorSupported",
    run: () => [
      checkFieldSelectorSupported("Pod", "spec.host=node-1").toString(),
      statusErrorMessage(() => checkFieldSelectorSupported("Node", "spec.nodeName=node-1")),
      statusErrorMessage(() => checkFieldSelectorSupported("DaemonSet", "spec.nodeName=node-1")),
    ],
    claimed: [
      "spec.nodeName=node-1",
      "field label not supported: spec.nodeName",
      '"spec.nodeName" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
  },
  {
    name: "supportedFieldLabels",
    run: () => [supportedFieldLabels("Node"), supportedFieldLabels("DaemonSet")],
    claimed: [
      ["metadata.name", "spec.unschedulable"],
      ["metadata.name", "metadata.namespace"],
    ],
  },
  {
    name: "everythingFields",
    run: () => [
      everythingFields().matches({ "metadata.name": "web" }),
      everythingFields().isEmpty(),
      everythingFields().toString(),
    ],
    claimed: [true, true, ""],
  },
  {
    name: "FieldSelector",
    run: () => {
      const selector = parseFieldSelector("metadata.name=web,status.phase!=Failed");
      return [
        selector.matches({ "metadata.name": "web", "status.phase": "Running" }),
        selector.matches({ "metadata.name": "web", "status.phase": "Failed" }),
        selector.matches({}),
        selector.requiresExactMatch("metadata.name"),
        selector.requiresExactMatch("status.phase"),
        selector.requirements(),
      ];
    },
    claimed: [
      true,
      false,
      false,
      "web",
      undefined,
      [
        { field: "metadata.name", operator: "=", value: "web" },
        { field: "status.phase", operator: "!=", value: "Failed" },
      ],
    ],
  },
  {
    name: "fieldSelectorFromRequirements",
    run: () => [
      fieldSelectorFromRequirements([{ field: "metadata.name", operator: "=", value: "nginx" }]).toString(),
    ],
    claimed: ["metadata.name=nginx"],
  },
  {
    name: "createFieldSelectorError",
    run: () => {
      const error = createFieldSelectorError("a", "invalid selector: 'a'; can't understand 'a'");
      return [error.code, error.reason, error.message, error.errors];
    },
    claimed: [
      400,
      "BadRequest",
      "invalid selector: 'a'; can't understand 'a'",
      [
        {
          type: "FieldValueInvalid",
          field: "",
          badValue: "a",
          detail: "invalid selector: 'a'; can't understand 'a'",
        },
      ],
    ],
  },
  {
    name: "escapeFieldValue",
    run: () => [escapeFieldValue("a,b=c"), escapeFieldValue("plain")],
    claimed: ["a\\,b\\=c", "plain"],
  },
  {
    name: "unescapeFieldValue",
    run: () => [
      unescapeFieldValue("a\\,b\\=c"),
      statusErrorMessage(() => unescapeFieldValue("a=b")),
      statusErrorMessage(() => unescapeFieldValue("a\\b")),
    ],
    claimed: [
      "a,b=c",
      "invalid field selector: unescaped character in value: 61",
      "invalid field selector: invalid escape sequence: \\b",
    ],
  },
  {
    name: "parseFieldSelector",
    run: () => [
      parseFieldSelector("status.phase!=Failed,spec.nodeName==node-2").toString(),
      parseFieldSelector("").isEmpty(),
      statusErrorMessage(() => parseFieldSelector("spec.nodeName")),
    ],
    claimed: [
      "spec.nodeName=node-2,status.phase!=Failed",
      true,
      "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'",
    ],
  },
  {
    name: "fieldsOf",
    run: () => [
      fieldsOf("Node", { metadata: { name: "node-1" }, spec: { unschedulable: true } }),
      fieldsOf("DaemonSet", { metadata: { name: "fluentd", namespace: "kube-system" } }),
    ],
    claimed: [
      { "metadata.name": "node-1", "spec.unschedulable": "true" },
      { "metadata.name": "fluentd", "metadata.namespace": "kube-system" },
    ],
  },

  // labels/
  {
    name: "labelSelectorAsSelector",
    run: () => [
      labelSelectorAsSelector({
        matchLabels: { app: "web" },
        matchExpressions: [{ key: "tier", operator: "NotIn", values: ["db"] }],
      }).toString(),
      labelSelectorAsSelector({}).isEmpty(),
      labelSelectorAsSelector(undefined).matches({}),
      statusErrorMessage(() =>
        labelSelectorAsSelector({ matchExpressions: [{ key: "tier", operator: "In", values: [] }] }),
      ),
      statusErrorMessage(() =>
        labelSelectorAsSelector({ matchExpressions: [{ key: "tier", operator: "Gt", values: ["1"] }] }),
      ),
    ],
    claimed: [
      "app=web,tier notin (db)",
      true,
      false,
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
      '"Gt" is not a valid label selector operator',
    ],
  },
  {
    name: "parseSelector",
    run: () => {
      const selector = parseSelector("env in (prod, staging),!canary");
      return [
        selector.toString(),
        selector.matches({ env: "prod" }),
        selector.matches({ env: "prod", canary: "true" }),
        statusErrorMessage(() => parseSelector("a=b c")),
        statusErrorMessage(() => parseSelector("!")),
      ];
    },
    claimed: [
      "!canary,env in (prod,staging)",
      true,
      false,
      "found 'c', expected: ',' or 'end of string'",
      "unable to parse requirement: found '', expected: identifier",
    ],
  },
  {
    name: "parseSelectorRequirements",
    run: () => [parseSelectorRequirements("zone=a,app").map(String)],
    claimed: [["app", "zone=a"]],
  },
  {
    name: "collectRequirementErrors",
    run: () => [
      collectRequirementErrors("size", "gt", ["big"], "matchExpressions[0]").map(
        (error) => `${error.field}: ${error.detail}`,
      ),
      collectRequirementErrors("size", "gt", ["3"]),
    ],
    claimed: [["matchExpressions[0].values[0]: for 'Gt', 'Lt' operators, the value must be an integer"], []],
  },
  {
    name: "createRequirement",
    run: () => [
      createRequirement("tier", "in", ["web", "api"]).toString(),
      statusErrorMessage(() => createRequirement("tier", "in", [])),
    ],
    claimed: [
      "tier in (api,web)",
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    ],
  },
  {
    name: "Requirement",
    run: () => {
      const requirement = createRequirement("gpu-count", "gt", ["2"]);
      return [
        requirement.matches({ "gpu-count": "4" }),
        requirement.matches({ "gpu-count": "two" }),
        requirement.matches(undefined),
        requirement.toString(),
        new Requirement("zone", "notin", ["b", "a", "b"]).values,
      ];
    },
    claimed: [true, false, false, "gpu-count>2", ["a", "b"]],
  },
  {
    name: "selectorOperators",
    run: () => [selectorOperators],
    claimed: [["in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"]],
  },
  {
    name: "everything",
    run: () => [everything().matches({ app: "web" }), everything().isEmpty(), everything().toString()],
    claimed: [true, true, ""],
  },
  {
    name: "nothing",
    run: () => [nothing().matches({}), nothing().isEmpty(), nothing().isSelectable(), nothing().toString()],
    claimed: [false, false, false, ""],
  },
  {
    name: "Selector",
    run: () => {
      const selector = parseSelector("env=prod,tier in (web)");
      return [
        selector.matches({ env: "prod", tier: "web" }),
        selector.matches({ env: "prod" }),
        selector.requiresExactMatch("tier"),
        selector.add(createRequirement("app", "exists", [])).toString(),
      ];
    },
    claimed: [true, false, "web", "app,env=prod,tier in (web)"],
  },
  {
    name: "selectorFromRequirements",
    run: () => [
      selectorFromRequirements([
        createRequirement("zone", "exists", []),
        createRequirement("app", "=", ["web"]),
      ]).toString(),
    ],
    claimed: ["app=web,zone"],
  },
  {
    name: "selectorFromSet",
    run: () => [
      selectorFromSet({ zone: "a", app: "web" }).toString(),
      selectorFromSet({ "bad key!": "x" }).toString(),
      selectorFromSet(undefined).matches({ any: "thing" }),
    ],
    claimed: ["app=web,zone=a", "bad key!=x", true],
  },
  {
    name: "sortRequirementsByKey",
    run: () => {
      const requirements = [createRequirement("zone", "exists", []), createRequirement("app", "=", ["web"])];
      sortRequirementsByKey(requirements);
      return [requirements.map(String)];
    },
    claimed: [["app=web", "zone"]],
  },
  {
    name: "validatedSelectorFromSet",
    run: () => [
      validatedSelectorFromSet({ zone: "a", app: "web" }).toString(),
      thrownField(() => validatedSelectorFromSet({ app: "web server" })),
      thrownField(() => validatedSelectorFromSet({ "web server": "x" })),
    ],
    claimed: ["app=web,zone=a", "values[0][app]", "key"],
  },

  // node-affinity/
  {
    name: "nodeNamesFromAffinityPins",
    run: () => {
      const pinnedPod: Pod = {
        spec: {
          containers: [],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }] },
                ],
              },
            },
          },
        },
      };
      return [nodeNamesFromAffinityPins(pinnedPod), nodeNamesFromAffinityPins({ spec: { containers: [] } })];
    },
    claimed: [new Set(["node-7"]), undefined],
  },
  {
    name: "matchNodeSelectorTerms",
    run: () => {
      const zoneA = {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }],
      };
      return [
        matchNodeSelectorTerms(zoneANode, zoneA),
        matchNodeSelectorTerms(zoneBNode, zoneA),
        matchNodeSelectorTerms(zoneANode, { nodeSelectorTerms: [{}] }),
      ];
    },
    claimed: [true, false, false],
  },
  {
    name: "createLazyNodeSelector",
    run: () => {
      const selector = createLazyNodeSelector({
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
          { matchFields: [{ key: "metadata.name", operator: "In", values: [] }] },
        ],
      });
      return [
        selector.matches(zoneANode),
        selector.match(zoneANode),
        selector.match(zoneBNode).error?.message,
      ];
    },
    claimed: [
      true,
      { matches: true },
      "nodeSelectorTerms[1].matchFields[0].values: Invalid value: []string{}: must have one element",
    ],
  },
  {
    name: "LazyNodeSelectorMatcher",
    run: () => {
      const selector = createLazyNodeSelector({
        nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "Near", values: ["a"] }] }],
      });
      const result = selector.match(zoneANode);
      return [selector.matches(zoneANode), result.matches, result.error?.errors.map((error) => error.field)];
    },
    claimed: [false, false, ["nodeSelectorTerms[0].matchExpressions[0].operator"]],
  },
  {
    name: "createNodeSelector",
    run: () => {
      const selector = createNodeSelector({
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
          { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-2"] }] },
        ],
      });
      return [
        selector.matches(zoneANode),
        selector.matches(zoneBNode),
        selector.matches({ metadata: { name: "node-3", labels: { zone: "c" } } }),
        statusErrorMessage(() =>
          createNodeSelector(
            {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "cpus", operator: "Gt", values: ["many"] }] }],
            },
            { path: "spec.affinity" },
          ),
        ),
      ];
    },
    claimed: [
      true,
      true,
      false,
      "spec.affinity.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"many\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  },
  {
    name: "NodeSelectorMatcher",
    run: () => {
      const matcher = createNodeSelector({
        nodeSelectorTerms: [{ matchExpressions: [{ key: "disk", operator: "Exists" }] }],
      });
      return [
        [zoneANode, zoneBNode].filter((node) => matcher.matches(node)).map((node) => node.metadata?.name),
        matcher.matches(undefined),
      ];
    },
    claimed: [["node-1"], false],
  },
  {
    name: "createPreferredSchedulingTerms",
    run: () => {
      const scorer = createPreferredSchedulingTerms([
        { weight: 10, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } },
        { weight: 5, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] } },
      ]);
      return [
        scorer.score(zoneANode),
        scorer.score(zoneBNode),
        statusErrorMessage(() =>
          createPreferredSchedulingTerms([
            { weight: 1, preference: { matchExpressions: [{ key: "zone", operator: "In" }] } },
          ]),
        ),
      ];
    },
    claimed: [
      15,
      0,
      "[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
  },
  {
    name: "PreferredSchedulingTermsScorer",
    run: () => {
      const scorer = createPreferredSchedulingTerms([
        {
          weight: 3,
          preference: { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-1"] }] },
        },
      ]);
      return [scorer.score(zoneANode), scorer.score(zoneBNode), scorer.score(undefined)];
    },
    claimed: [0, 3, 0],
  },
  {
    name: "requiredNodeAffinity",
    run: () => {
      const affinity = requiredNodeAffinity({
        spec: {
          containers: [],
          nodeSelector: { disk: "ssd" },
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["b"] }] },
                ],
              },
            },
          },
        },
      });
      return [
        [zoneANode, zoneBNode].filter((node) => affinity.matches(node)).map((node) => node.metadata?.name),
        affinity.hasConstraint,
        requiredNodeAffinity({ spec: { containers: [] } }).matches(zoneBNode),
        requiredNodeAffinity({ spec: { containers: [] } }).matches(undefined),
      ];
    },
    claimed: [["node-1"], true, true, true],
  },
  {
    name: "RequiredNodeAffinity",
    run: () => {
      const affinity = requiredNodeAffinity({
        spec: {
          containers: [],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In" }] }],
              },
            },
          },
        },
      });
      return [
        affinity.hasNodeSelector,
        affinity.hasRequiredAffinity,
        affinity.matches(zoneANode),
        affinity.match(zoneANode).error?.message,
      ];
    },
    claimed: [
      false,
      true,
      false,
      "nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
  },

  // taints/
  {
    // Re-exported from @kubesim/core, whose TSDoc holds this example.
    name: "validateTolerations",
    run: () => [
      validateTolerations([{ key: "a", operator: "Exists", value: "x" }], "spec.tolerations")[0]?.detail,
    ],
    claimed: ["value must be empty when `operator` is 'Exists'"],
  },
  {
    name: "applyTaintChanges",
    run: () => {
      const node: Node = {
        metadata: { name: "node-1" },
        spec: { taints: [{ key: "a", effect: "NoSchedule" }] },
      };
      return [
        applyTaintChanges(node, [{ key: "b", value: "x", effect: "NoExecute" }], [], false),
        applyTaintChanges(node, [], [{ key: "a", effect: "" }], false),
        taintErrorMessage(() =>
          applyTaintChanges(node, [{ key: "a", value: "y", effect: "NoSchedule" }], [], false),
        ),
        taintErrorMessage(() => applyTaintChanges(node, [], [{ key: "c", effect: "NoSchedule" }], false)),
      ];
    },
    claimed: [
      {
        operation: "tainted",
        taints: [
          { key: "b", value: "x", effect: "NoExecute" },
          { key: "a", effect: "NoSchedule" },
        ],
      },
      { operation: "untainted", taints: [] },
      "node node-1 already has a taint(s) with same effect(s) and --overwrite is false",
      'taint "c:NoSchedule" not found',
    ],
  },
  {
    name: "addOrUpdateTolerations",
    run: () => [
      addOrUpdateTolerations(
        [{ key: "a", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }],
        [
          { key: "a", operator: "Exists", effect: "NoExecute" },
          { key: "b", operator: "Exists" },
        ],
      ),
    ],
    claimed: [
      [
        { key: "a", operator: "Exists", effect: "NoExecute" },
        { key: "b", operator: "Exists" },
      ],
    ],
  },
  {
    name: "daemonSetDefaultTolerations",
    run: () => [
      daemonSetDefaultTolerations(false).map((toleration) => `${toleration.key}:${toleration.effect}`),
      daemonSetDefaultTolerations(true)[6],
    ],
    claimed: [
      [
        "node.kubernetes.io/not-ready:NoExecute",
        "node.kubernetes.io/unreachable:NoExecute",
        "node.kubernetes.io/disk-pressure:NoSchedule",
        "node.kubernetes.io/memory-pressure:NoSchedule",
        "node.kubernetes.io/pid-pressure:NoSchedule",
        "node.kubernetes.io/unschedulable:NoSchedule",
      ],
      { key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" },
    ],
  },
  {
    name: "matchToleration",
    run: () => [
      matchToleration(
        { key: "a", operator: "Exists", tolerationSeconds: 5 },
        { key: "a", operator: "Exists" },
      ),
      matchToleration({ key: "a", operator: "Exists" }, { key: "a", operator: "Equal" }),
    ],
    claimed: [true, false],
  },
  {
    name: "findUntoleratedTaint",
    run: () => {
      const taints = [
        { key: "soft", effect: "PreferNoSchedule" },
        { key: "gpu", effect: "NoSchedule" },
      ];
      return [
        findUntoleratedTaint(taints, [], doNotScheduleTaintFilter),
        findUntoleratedTaint(taints, [{ key: "gpu", operator: "Exists" }], doNotScheduleTaintFilter),
        findUntoleratedTaint(taints, undefined),
      ];
    },
    claimed: [{ key: "gpu", effect: "NoSchedule" }, undefined, { key: "soft", effect: "PreferNoSchedule" }],
  },
  {
    name: "untoleratedTaintReason",
    run: () => [
      untoleratedTaintReason({ key: "gpu", value: "a100", effect: "NoSchedule" }),
      untoleratedTaintReason({ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }),
    ],
    claimed: [
      "node(s) had untolerated taint {gpu: a100}",
      "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
    ],
  },
  {
    name: "parseTaint",
    run: () => [
      parseTaint("dedicated=gpu:NoSchedule"),
      parseTaint("dedicated"),
      taintErrorMessage(() => parseTaint("dedicated:Sometimes")),
    ],
    claimed: [
      { key: "dedicated", value: "gpu", effect: "NoSchedule" },
      { key: "dedicated", effect: "" },
      "invalid taint effect: Sometimes, unsupported taint effect",
    ],
  },
  {
    name: "parseTaintArguments",
    run: () => [
      parseTaintArguments(["dedicated=gpu:NoSchedule", "old-"]),
      taintErrorMessage(() => parseTaintArguments(["dedicated"])),
    ],
    claimed: [
      {
        toAdd: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }],
        toRemove: [{ key: "old", effect: "" }],
      },
      "invalid taint spec: dedicated",
    ],
  },
  {
    name: "validateTaintChanges",
    run: () => [
      validateTaintChanges([{ key: "a", effect: "NoSchedule" }], [{ key: "a", effect: "NoExecute" }]),
      taintErrorMessage(() =>
        validateTaintChanges([{ key: "a", effect: "NoSchedule" }], [{ key: "a", effect: "" }]),
      ),
    ],
    claimed: [undefined, "can not both modify and remove the following taint(s) in the same command: a="],
  },
  {
    name: "TaintArgumentError",
    run: () => {
      let caught: unknown;
      try {
        parseTaint("dedicated:Sometimes");
      } catch (error) {
        caught = error;
      }
      const error = caught as TaintArgumentError;
      return [TaintArgumentError.isInstance(caught), error.reason, error.isUsageError];
    },
    claimed: [true, "InvalidTaintEffect", true],
  },
  {
    name: "doNotScheduleTaintFilter",
    run: () => [
      doNotScheduleTaintFilter({ key: "a", effect: "NoExecute" }),
      doNotScheduleTaintFilter({ key: "a", effect: "PreferNoSchedule" }),
    ],
    claimed: [true, false],
  },
  {
    name: "TaintEffect",
    run: () => [TaintEffect.NoExecute, Object.values(TaintEffect)],
    claimed: ["NoExecute", ["NoSchedule", "PreferNoSchedule", "NoExecute"]],
  },
  {
    name: "wellKnownTaintKeys",
    run: () => [wellKnownTaintKeys.unschedulable],
    claimed: ["node.kubernetes.io/unschedulable"],
  },
  {
    name: "matchTaint",
    run: () => [
      matchTaint(
        { key: "a", value: "1", effect: "NoSchedule" },
        { key: "a", value: "2", effect: "NoSchedule" },
      ),
      matchTaint({ key: "a", effect: "NoSchedule" }, { key: "a", effect: "NoExecute" }),
    ],
    claimed: [true, false],
  },
  {
    name: "taintToString",
    run: () => [
      taintToString({ key: "dedicated", value: "gpu", effect: "NoSchedule" }),
      taintToString({ key: "dedicated", effect: "NoSchedule" }),
      taintToString({ key: "dedicated", value: "gpu", effect: "" }),
    ],
    claimed: ["dedicated=gpu:NoSchedule", "dedicated:NoSchedule", "dedicated=gpu:"],
  },
  {
    name: "toleratesTaint",
    run: () => [
      toleratesTaint({ key: "gpu", operator: "Exists" }, { key: "gpu", value: "a", effect: "NoSchedule" }),
      toleratesTaint({ key: "gpu", value: "b" }, { key: "gpu", value: "a", effect: "NoSchedule" }),
      toleratesTaint({ operator: "Exists", effect: "NoExecute" }, { key: "gpu", effect: "NoSchedule" }),
    ],
    claimed: [true, false, false],
  },
  {
    name: "tolerationsTolerateTaint",
    run: () => [
      tolerationsTolerateTaint([{ operator: "Exists" }], { key: "gpu", effect: "NoSchedule" }),
      tolerationsTolerateTaint(undefined, { key: "gpu", effect: "NoSchedule" }),
    ],
    claimed: [true, false],
  },
];

describe("the TSDoc examples of the public API", () => {
  it.each(cases)("the TSDoc example of $name holds", ({ run, claimed }) => {
    expect(run()).toEqual(claimed);
  });
});
