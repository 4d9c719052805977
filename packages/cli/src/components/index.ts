export {
  type ControllerManagerFlags,
  controllerManagerSpec,
  registerControllerManagerCommand,
  registerSchedulerCommand,
  schedulerSpec,
} from "./component-commands.js";
export {
  type ComponentFlags,
  defaultComponentSeed,
  parseComponentSeed,
} from "./component-flags.js";
export { connectWithKubeconfig } from "./connect-with-kubeconfig.js";
export {
  type ComponentContext,
  type ComponentSpec,
  type RunnableComponent,
  runComponents,
} from "./run-components.js";
