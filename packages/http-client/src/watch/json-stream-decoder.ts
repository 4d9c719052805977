import { KubesimError } from "@kubesim/core";

/** A watch stream that is not a sequence of JSON objects. */
export class JsonStreamError extends KubesimError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "JsonStreamError";
  }
}

const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const quote = 0x22;
const backslash = 0x5c;

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Splits a byte stream of JSON objects into values, as client-go's streaming JSON
 * decoder does for watch bodies: objects may be separated by newlines (kube-apiserver
 * writes one per line), by any JSON whitespace, or by nothing at all, and one object may
 * arrive split across any number of chunks (even inside a multi-byte UTF-8 character).
 *
 * Each byte is scanned once: the decoder keeps its position, nesting depth and string
 * state between chunks, so a large event split in many chunks costs linear time.
 *
 * @example
 * const events: unknown[] = [];
 * const decoder = new JsonStreamDecoder((value) => events.push(value));
 * decoder.push('{"type":"ADDED"}\n{"ty'); // events: [{ type: "ADDED" }]
 * decoder.push('pe":"DELETED"}');         // events: [..., { type: "DELETED" }]
 * decoder.end();                          // no error: nothing is left over
 */
export class JsonStreamDecoder {
  readonly #onValue: (value: unknown) => void;
  readonly #utf8 = new TextDecoder("utf-8");
  /** Text not yet returned as values: the start of an unfinished object, or nothing. */
  #text = "";
  /** How much of `#text` has been scanned. */
  #scanned = 0;
  #depth = 0;
  #inString = false;
  #escaped = false;

  /** @param onValue - called with each value as soon as its last byte arrives, in stream order. */
  constructor(onValue: (value: unknown) => void) {
    this.#onValue = onValue;
  }

  /**
   * Adds a chunk, calling `onValue` for every value it completes.
   *
   * @throws JsonStreamError when the stream holds something other than JSON objects (the
   *   values before the fault have been delivered; the decoder is unusable afterwards).
   */
  push(chunk: Uint8Array | string): void {
    const addition = typeof chunk === "string" ? chunk : this.#utf8.decode(chunk, { stream: true });
    if (addition === "") return;
    this.#text = this.#text === "" ? addition : this.#text + addition;
    this.#scan();
  }

  /**
   * Declares the stream finished.
   *
   * @throws JsonStreamError when an object (or a UTF-8 character) was left unfinished:
   *   the stream was cut.
   */
  end(): void {
    const unfinishedCharacter = this.#utf8.decode() !== "";
    if (unfinishedCharacter || this.#depth > 0) {
      throw new JsonStreamError("unexpected EOF: the watch stream ended inside an event");
    }
  }

  #scan(): void {
    const text = this.#text;
    let start = this.#depth > 0 ? 0 : -1;
    let index = this.#scanned;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.#depth === 0) {
        if (isJsonWhitespace(code)) continue;
        if (code !== openBrace) {
          throw new JsonStreamError(
            `invalid character ${JSON.stringify(text.charAt(index))} looking for the beginning of a watch event`,
          );
        }
        start = index;
        this.#depth = 1;
        continue;
      }
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (code === backslash) this.#escaped = true;
        else if (code === quote) this.#inString = false;
        continue;
      }
      if (code === quote) this.#inString = true;
      else if (code === openBrace || code === openBracket) this.#depth++;
      else if (code === closeBrace || code === closeBracket) {
        this.#depth--;
        if (this.#depth === 0) {
          const value = parseValue(text.slice(start, index + 1));
          start = -1;
          this.#onValue(value);
        }
      }
    }
    if (start === -1) {
      this.#text = "";
      this.#scanned = 0;
    } else {
      this.#text = start === 0 ? text : text.slice(start);
      this.#scanned = index - start;
    }
  }
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new JsonStreamError(`malformed watch event: ${detail}`, { cause: error });
  }
}
