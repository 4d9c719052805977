import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Where the `kubesim` binary of the workspace's `@kubesim/cli` is: its package's
 * `dist/main.js`, which `pnpm --filter @kubesim/cli build` (or turbo, through this
 * example's dependency on it) produces.
 *
 * @throws Error naming the build command when the binary has not been built.
 */
export function kubesimBinaryPath(): string {
  const packageJson = createRequire(import.meta.url).resolve("@kubesim/cli/package.json");
  const binary = join(dirname(packageJson), "dist", "main.js");
  if (!existsSync(binary)) {
    throw new Error(
      `the kubesim binary ${binary} is missing: build it first with \`pnpm --filter @kubesim/cli build\``,
    );
  }
  return binary;
}

/** How a {@link KubesimTranscript} runs the binary. */
export interface TranscriptOptions {
  /** The directory the commands run in: relative paths in their arguments resolve against it. */
  readonly cwd: string;
  /** The first `KUBESIM_NOW` (RFC 3339); {@link KubesimTranscript.wait} moves it forward. */
  readonly startTime: string;
  /** Receives each piece of the transcript as soon as it is written (e.g. to stream it to a terminal). */
  readonly onText?: (text: string) => void;
}

/** How one {@link KubesimTranscript.run} step is checked and shown. */
export interface StepOptions {
  /** The exit code the command must end with (kubectl's: 0 ok, 1 error); 0 unless told. */
  readonly exitCode?: number;
  /**
   * Shows only the output lines matching this `grep -E` pattern, and the command as
   * `… | grep -E 'pattern'`. Keep it to syntax that JavaScript and grep read alike.
   */
  readonly grep?: string;
}

/** A shell word as a reader would type it: bare when safe, else single-quoted (after `name=` if any). */
function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  const assignment = /^([\w-]+=)(.*)$/s.exec(word);
  return assignment === null ? quote(word) : `${assignment[1]}${quote(assignment[2] ?? "")}`;
}

/**
 * A terminal session with the real `kubesim` binary, recorded as text: `# caption` lines,
 * then `$ kubesim ARGS` and what the command printed (stdout and stderr interleaved, as a
 * terminal shows them). Every command runs in a fresh process against a private
 * `KUBESIM_HOME` (removed by {@link close}) with `KUBESIM_NOW` pinned, so the same steps
 * always print the same bytes; `TZ=UTC` pins the times `describe` prints.
 */
export class KubesimTranscript {
  readonly #binary: string;
  readonly #options: TranscriptOptions;
  readonly #workDirectory: string;
  #now: number;
  #text = "";

  private constructor(binary: string, options: TranscriptOptions) {
    this.#binary = binary;
    this.#options = options;
    this.#now = Date.parse(options.startTime);
    if (Number.isNaN(this.#now)) throw new Error(`invalid startTime ${JSON.stringify(options.startTime)}`);
    this.#workDirectory = mkdtempSync(join(tmpdir(), "kubesim-example-"));
  }

  /**
   * Runs `story` in a new session and returns the transcript; the session's state is
   * removed afterwards, whether the story succeeded or not.
   *
   * @throws Error when the binary is missing or a step ends with an unexpected exit code.
   */
  static async record(
    options: TranscriptOptions,
    story: (session: KubesimTranscript) => Promise<void>,
  ): Promise<string> {
    const session = new KubesimTranscript(kubesimBinaryPath(), options);
    try {
      await story(session);
      return session.#text;
    } finally {
      session.close();
    }
  }

  /** Writes a caption (one `# ` line per line of text), after a blank line unless it opens the transcript. */
  caption(text: string): void {
    const lines = text.split("\n").map((line) => `# ${line}`.trimEnd());
    this.#write(`${this.#text === "" ? "" : "\n"}${lines.join("\n")}\n`);
  }

  /** Shows a file of the working directory as `$ cat FILE` would. */
  showFile(path: string): void {
    this.#write(`$ cat ${shellWord(path)}\n${readFileSync(join(this.#options.cwd, path), "utf8")}`);
  }

  /** Moves the pinned clock forward: the next command catches the cluster up to it. */
  wait(seconds: number): void {
    this.#now += seconds * 1000;
  }

  /**
   * Runs `kubesim ARGS`, writes the step to the transcript and returns what the command
   * printed (before any `grep`).
   *
   * @throws Error when the exit code is not the expected one (the message holds the output).
   */
  async run(args: readonly string[], step: StepOptions = {}): Promise<string> {
    const pipe = step.grep === undefined ? "" : ` | grep -E ${shellWord(step.grep)}`;
    const commandLine = `$ kubesim ${args.map(shellWord).join(" ")}${pipe}`;
    const { exitCode, output } = await this.#spawn(args);
    const expected = step.exitCode ?? 0;
    if (exitCode !== expected) {
      throw new Error(`${commandLine}\nexited with ${exitCode} instead of ${expected}:\n${output}`);
    }
    const pattern = step.grep === undefined ? undefined : new RegExp(step.grep);
    const shown =
      pattern === undefined
        ? output
        : output
            .split("\n")
            .filter((line) => pattern.test(line))
            .map((line) => `${line}\n`)
            .join("");
    this.#write(`${commandLine}\n${shown}`);
    return output;
  }

  /** Removes the session's state (idempotent). */
  close(): void {
    rmSync(this.#workDirectory, { recursive: true, force: true });
  }

  #write(text: string): void {
    this.#text += text;
    this.#options.onText?.(text);
  }

  /** One process whose stdout and stderr share a file, so their lines keep the order they were written in. */
  async #spawn(args: readonly string[]): Promise<{ exitCode: number; output: string }> {
    const outputPath = join(this.#workDirectory, "output.txt");
    const descriptor = openSync(outputPath, "w");
    let exitCode: number;
    try {
      const child = spawn(process.execPath, [this.#binary, ...args], {
        cwd: this.#options.cwd,
        env: {
          ...process.env,
          KUBESIM_HOME: join(this.#workDirectory, "home"),
          KUBESIM_NOW: new Date(this.#now).toISOString(),
          TZ: "UTC",
        },
        stdio: ["ignore", descriptor, descriptor],
      });
      exitCode = await new Promise<number>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => {
          if (code === null) reject(new Error(`kubesim ${args.join(" ")} was killed by ${signal}`));
          else resolve(code);
        });
      });
    } finally {
      closeSync(descriptor);
    }
    return { exitCode, output: readFileSync(outputPath, "utf8") };
  }
}

/**
 * Runs a story, streaming its transcript to standard output as it is written (`pnpm start`).
 * When the reader goes away (`| head`), the story stops at its next write and its state is
 * still removed; a failure prints its message on standard error and sets exit code 1.
 */
export async function printTranscript(
  story: (onText: (text: string) => void) => Promise<string>,
): Promise<void> {
  let stdoutError: NodeJS.ErrnoException | undefined;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    stdoutError ??= error;
  });
  try {
    await story((text) => {
      if (stdoutError !== undefined) throw stdoutError;
      process.stdout.write(text);
    });
  } catch (error) {
    if (stdoutError?.code === "EPIPE") return;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
