import { runSchedulingDemo } from "./scheduling-demo.js";

process.stdout.write(await runSchedulingDemo());
