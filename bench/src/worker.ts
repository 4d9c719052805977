import { workloadDefinitions } from "./workloads/index.js";

// Runs one workload (argv: NAME [--quick]) in this fresh process and prints its result as one JSON line.
const [name, ...flags] = process.argv.slice(2);
const definition = workloadDefinitions(flags.includes("--quick")).find(
  (candidate) => candidate.workload === name,
);
if (definition === undefined) {
  process.stderr.write(`unknown workload ${JSON.stringify(name)}\n`);
  process.exit(2);
}
const result = await definition.run();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
