import { KubesimError } from "@kubesim/core";

/**
 * A JSONPath template that does not parse, or that fails on the data it runs against. The
 * message is client-go's own (`unclosed action`, `array index out of bounds: index 3, length 2`,
 * `name is not found`), so callers can wrap it exactly as kubectl does.
 */
export class JsonPathError extends KubesimError {
  constructor(message: string) {
    super(message);
    this.name = "JsonPathError";
  }
}
