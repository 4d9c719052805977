import type { PodTemplateSpec } from "@kubesim/core";
import { writePodTemplate } from "../describe/describe-pod-template.js";
import { escapeTerminal, type PrefixWriter } from "../describe/describe-writer.js";

/**
 * A describe writer straight into text, without tab alignment: `rollout history
 * --revision` prints the pod template through kubectl's plain `PrefixWriter` (a
 * `bytes.Buffer`), so its tabs stay tabs.
 */
class PlainPrefixWriter implements PrefixWriter {
  private text = "";

  write(level: number, text: string): void {
    this.text += escapeTerminal("  ".repeat(level) + text);
  }

  writeLine(text: string): void {
    this.text += escapeTerminal(`${text}\n`);
  }

  flush(): void {}

  toString(): string {
    return this.text;
  }
}

/**
 * kubectl's `printTemplate` for `rollout history --revision=N`: the `Pod Template:` block
 * of `describe` (shared with the describe verbs) with literal tabs.
 */
export function podTemplateText(template: PodTemplateSpec | undefined): string {
  const writer = new PlainPrefixWriter();
  writePodTemplate(writer, template);
  return writer.toString();
}
