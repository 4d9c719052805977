import { describe, expect, it } from "vitest";
import { mergePluginSet, mergePlugins } from "./merge-plugins.js";
import type { PluginSetConfiguration } from "./types.js";

// Ported from upstream's pkg/scheduler/apis/config/v1/default_plugins_test.go (TestMergePlugins).
describe("mergePluginSet", () => {
  it.each<{
    name: string;
    defaults: PluginSetConfiguration | undefined;
    custom: PluginSetConfiguration | undefined;
    expected: PluginSetConfiguration;
  }>([
    {
      name: "a custom plugin is appended after the defaults",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: { enabled: [{ name: "CustomPlugin" }] },
      expected: {
        enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }, { name: "CustomPlugin" }],
        disabled: [],
      },
    },
    {
      name: "a disabled default re-enabled by the user moves after the user's earlier plugins",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: {
        enabled: [{ name: "CustomPlugin" }, { name: "DefaultPlugin2" }],
        disabled: [{ name: "DefaultPlugin2" }],
      },
      expected: {
        enabled: [{ name: "DefaultPlugin1" }, { name: "CustomPlugin" }, { name: "DefaultPlugin2" }],
        disabled: [{ name: "DefaultPlugin2" }],
      },
    },
    {
      name: "disabling every default lets the user insert before all of them",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: {
        enabled: [{ name: "CustomPlugin" }, { name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }],
        disabled: [{ name: "*" }],
      },
      expected: {
        enabled: [{ name: "CustomPlugin" }, { name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }],
        disabled: [{ name: "*" }],
      },
    },
    {
      name: "disabling every default lets the user reorder them",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: {
        enabled: [{ name: "DefaultPlugin2" }, { name: "DefaultPlugin1" }],
        disabled: [{ name: "*" }],
      },
      expected: {
        enabled: [{ name: "DefaultPlugin2" }, { name: "DefaultPlugin1" }],
        disabled: [{ name: "*" }],
      },
    },
    {
      name: "no custom set keeps the defaults",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: undefined,
      expected: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }], disabled: [] },
    },
    {
      name: "a re-configured default keeps its place and takes the user's weight",
      defaults: { enabled: [{ name: "Plugin1" }, { name: "Plugin2" }, { name: "Plugin3" }] },
      custom: {
        enabled: [
          { name: "Plugin1", weight: 2 },
          { name: "Plugin3", weight: 3 },
        ],
      },
      expected: {
        enabled: [{ name: "Plugin1", weight: 2 }, { name: "Plugin2" }, { name: "Plugin3", weight: 3 }],
        disabled: [],
      },
    },
    {
      name: "re-configured defaults keep the default order whatever the user's order",
      defaults: { enabled: [{ name: "Plugin1" }, { name: "Plugin2" }, { name: "Plugin3" }] },
      custom: {
        enabled: [
          { name: "Plugin2", weight: 2 },
          { name: "Plugin1", weight: 1 },
        ],
      },
      expected: {
        enabled: [{ name: "Plugin1", weight: 1 }, { name: "Plugin2", weight: 2 }, { name: "Plugin3" }],
        disabled: [],
      },
    },
    {
      name: "a repeated custom plugin replaces the default with its last entry and appends the others",
      defaults: { enabled: [{ name: "Plugin1" }, { name: "Plugin2" }, { name: "Plugin3" }] },
      custom: {
        enabled: [
          { name: "Plugin1" },
          { name: "Plugin2", weight: 2 },
          { name: "Plugin3" },
          { name: "Plugin2", weight: 4 },
        ],
      },
      expected: {
        enabled: [
          { name: "Plugin1" },
          { name: "Plugin2", weight: 4 },
          { name: "Plugin3" },
          { name: "Plugin2", weight: 2 },
        ],
        disabled: [],
      },
    },
    {
      name: "a MultiPoint default disabled by the user is dropped and recorded",
      defaults: { enabled: [{ name: "DefaultPlugin1" }, { name: "DefaultPlugin2" }] },
      custom: {
        enabled: [{ name: "CustomPlugin" }, { name: "CustomPlugin2" }],
        disabled: [{ name: "DefaultPlugin2" }],
      },
      expected: {
        enabled: [{ name: "DefaultPlugin1" }, { name: "CustomPlugin" }, { name: "CustomPlugin2" }],
        disabled: [{ name: "DefaultPlugin2" }],
      },
    },
    {
      name: "a MultiPoint default re-configured with a weight",
      defaults: { enabled: [{ name: "DefaultPlugin" }] },
      custom: { enabled: [{ name: "DefaultPlugin", weight: 5 }] },
      expected: { enabled: [{ name: "DefaultPlugin", weight: 5 }], disabled: [] },
    },
    {
      name: "the defaults' own disabled plugins are carried after the user's",
      defaults: { enabled: [{ name: "DefaultPlugin" }], disabled: [{ name: "DefaultPlugin2" }] },
      custom: { enabled: [{ name: "CustomPlugin" }], disabled: [{ name: "Other", weight: 7 }] },
      expected: {
        enabled: [{ name: "DefaultPlugin" }, { name: "CustomPlugin" }],
        disabled: [{ name: "Other" }, { name: "DefaultPlugin2" }],
      },
    },
    {
      name: "a set with only disabled plugins is merged",
      defaults: { enabled: [{ name: "DefaultPlugin" }] },
      custom: { disabled: [{ name: "DefaultPlugin" }] },
      expected: { enabled: [], disabled: [{ name: "DefaultPlugin" }] },
    },
  ])("$name", ({ defaults, custom, expected }) => {
    expect(mergePluginSet(defaults, custom)).toEqual(expected);
  });
});

describe("mergePlugins", () => {
  it("merges every extension point and leaves the others empty", () => {
    const merged = mergePlugins(
      {
        multiPoint: { enabled: [{ name: "DefaultPlugin" }] },
        score: { disabled: [{ name: "DefaultPlugin2" }] },
      },
      { multiPoint: { enabled: [{ name: "CustomPlugin" }] } },
    );
    expect(merged.multiPoint).toEqual({
      enabled: [{ name: "DefaultPlugin" }, { name: "CustomPlugin" }],
      disabled: [],
    });
    expect(merged.score).toEqual({ enabled: [], disabled: [{ name: "DefaultPlugin2" }] });
    expect(merged.filter).toEqual({ enabled: [], disabled: [] });
  });
});
