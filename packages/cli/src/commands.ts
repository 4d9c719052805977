import { registerControllerManagerCommand, registerSchedulerCommand } from "./components/index.js";
import { registerApplyCommand, registerCreateCommand, registerDeleteCommand } from "./kubectl/apply/index.js";
import { registerDescribeCommand } from "./kubectl/describe/index.js";
import {
  registerCordonCommand,
  registerDrainCommand,
  registerUncordonCommand,
} from "./kubectl/drain/index.js";
import { registerGetCommand } from "./kubectl/get/index.js";
import { registerAnnotateCommand, registerLabelCommand } from "./kubectl/label/index.js";
import { registerRolloutCommand } from "./kubectl/rollout/index.js";
import { registerSetImageCommand } from "./kubectl/set-image/index.js";
import { registerTaintCommand } from "./kubectl/taint/index.js";
import type { RegisterCommand } from "./program.js";
import { registerServeCommand } from "./serve/index.js";
import {
  registerAdvanceCommand,
  registerClusterCommand,
  registerExplainCommand,
  registerNodeCommand,
} from "./simulator/index.js";

/**
 * Every verb of the `kubesim` binary, in help order: kubectl's verbs (as kubectl's help
 * groups them), then the simulator's. A new verb is one more entry here.
 */
export const kubesimCommands: readonly RegisterCommand[] = [
  registerCreateCommand,
  registerApplyCommand,
  registerGetCommand,
  registerDescribeCommand,
  registerDeleteCommand,
  registerLabelCommand,
  registerAnnotateCommand,
  registerTaintCommand,
  registerCordonCommand,
  registerUncordonCommand,
  registerDrainCommand,
  registerRolloutCommand,
  registerSetImageCommand,
  registerClusterCommand,
  registerNodeCommand,
  registerAdvanceCommand,
  registerExplainCommand,
  registerServeCommand,
  registerSchedulerCommand,
  registerControllerManagerCommand,
];
