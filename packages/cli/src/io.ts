/** Where a command reads and writes: the process's streams, or buffers in tests. */
export interface CommandIo {
  /** Writes text to standard output as is (no newline added). */
  stdout(text: string): void;
  /** Writes text to standard error as is (no newline added). */
  stderr(text: string): void;
  /** Reads all of standard input (for `-f -`). */
  readStdin(): Promise<string>;
}

/** A {@link CommandIo} over the process's own streams. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** A {@link CommandIo} that records output, for tests; `stdin` is what `readStdin` returns. */
export interface BufferedIo extends CommandIo {
  readonly output: { stdout: string; stderr: string };
}

/** Creates a {@link BufferedIo}. */
export function bufferedIo(stdin = ""): BufferedIo {
  const output = { stdout: "", stderr: "" };
  return {
    output,
    stdout: (text) => {
      output.stdout += text;
    },
    stderr: (text) => {
      output.stderr += text;
    },
    readStdin: () => Promise.resolve(stdin),
  };
}
