import { createInvalidError, type FieldError, fieldErrors } from "@kubesim/core";

/** Upstream's limit on a field manager's name, in bytes. */
export const maxFieldManagerLength = 128;

const encoder = new TextEncoder();
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Upstream's `ValidateFieldManager` for the `fieldManager` of a create, update or patch:
 * at most 128 bytes, printable characters only.
 *
 * @throws StatusError Invalid on `<optionsKind>` (`CreateOptions`, `UpdateOptions`, `PatchOptions`).
 */
export function checkFieldManagerName(
  optionsKind: string,
  fieldManager: string,
  extra: FieldError[] = [],
): void {
  const errors: FieldError[] = [...extra];
  if (encoder.encode(fieldManager).length > maxFieldManagerLength) {
    errors.push(fieldErrors.tooLong("fieldManager", "", maxFieldManagerLength));
  }
  let position = 0;
  for (const character of fieldManager) {
    if (!printable.test(character)) {
      const codePoint = character.codePointAt(0) ?? 0;
      const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
      errors.push(
        fieldErrors.invalid(
          "fieldManager",
          fieldManager,
          `invalid character U+${hex} (at position ${position})`,
        ),
      );
    }
    position += encoder.encode(character).length;
  }
  if (errors.length > 0) createAndThrow(optionsKind, errors);
}

function createAndThrow(optionsKind: string, errors: readonly FieldError[]): never {
  throw createInvalidError({ group: "meta.k8s.io", kind: optionsKind }, "", errors);
}
