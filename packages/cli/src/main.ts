#!/usr/bin/env node
import { kubesimCommands } from "./commands.js";
import { processIo } from "./io.js";
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv, processIo(), process.env, process.cwd(), kubesimCommands);
