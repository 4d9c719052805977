import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkTargets, renderReport } from "./report.js";
import type { WorkloadResult } from "./result.js";
import { workloadDefinitions } from "./workloads/index.js";

const usage = `Usage: pnpm bench [--quick] [--filter TEXT] [--output FILE]

Runs every workload in a fresh process, prints the table and, unless --quick, writes
bench/results.json.
  --quick        a tenth of every size: a smoke test, nothing written
  --filter TEXT  only workloads whose name contains TEXT
  --output FILE  write the results here (also in --quick mode)
`;

interface Arguments {
  readonly quick: boolean;
  readonly filter: string | undefined;
  readonly output: string | undefined;
}

function parseArguments(argv: readonly string[]): Arguments {
  let quick = false;
  let filter: string | undefined;
  let output: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--") continue;
    if (argument === "--quick") quick = true;
    else if (argument === "--filter") filter = argv[++index];
    else if (argument === "--output") output = argv[++index];
    else if (argument === "--help" || argument === "-h") {
      process.stdout.write(usage);
      process.exit(0);
    } else {
      process.stderr.write(`error: unknown argument ${JSON.stringify(argument)}\n\n${usage}`);
      process.exit(2);
    }
  }
  return { quick, filter, output };
}

const options = parseArguments(process.argv.slice(2));
const worker = fileURLToPath(new URL("./worker.js", import.meta.url));
const selected = workloadDefinitions(options.quick).filter(
  (definition) => options.filter === undefined || definition.workload.includes(options.filter),
);
const results: WorkloadResult[] = [];
let failed = 0;
for (const { workload } of selected) {
  process.stderr.write(`running ${workload} …\n`);
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "--enable-source-maps",
      worker,
      workload,
      ...(options.quick ? ["--quick"] : []),
    ],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || line === "") {
    failed++;
    process.stderr.write(`${workload} failed (exit ${String(child.status ?? child.signal)})\n`);
    continue;
  }
  results.push(JSON.parse(line) as WorkloadResult);
}
process.stdout.write(`${renderReport(results)}\n\n${checkTargets(results).join("\n")}\n`);
const output =
  options.output ??
  (options.quick || options.filter !== undefined
    ? undefined
    : fileURLToPath(new URL("../results.json", import.meta.url)));
if (output !== undefined) {
  writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`wrote ${output}\n`);
}
if (failed > 0) {
  process.stderr.write(`${failed} workload(s) failed\n`);
  process.exit(1);
}
