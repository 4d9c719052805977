/**
 * How kubectl's `--sort-by` orders two values (`isLess` in pkg/cmd/get/sorter.go): null
 * first, int64 with int64, float64 with float64, strings as quantities when both parse
 * (`500m` before `2`), else byte-wise. Other pairs cannot be sorted and stop kubectl.
 */
import { compareGoStrings, compareQuantities, parseQuantity, type Quantity } from "@kubesim/core";
import { kindOf } from "../../jsonpath/index.js";

/** Two values kubectl cannot order; the message is the `err` kubectl prints. */
export class UnsortableValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsortableValueError";
  }
}

/** A less-than over sort values that remembers which strings parse as quantities. */
export function createSortValueLess(): (left: unknown, right: unknown) => boolean {
  const quantities = new Map<string, Quantity | undefined>();
  const quantityOf = (text: string): Quantity | undefined => {
    if (quantities.has(text)) return quantities.get(text);
    let quantity: Quantity | undefined;
    try {
      quantity = parseQuantity(text);
    } catch {
      quantity = undefined;
    }
    quantities.set(text, quantity);
    return quantity;
  };

  return (left, right) => {
    if (left === null || right === null) return left !== right && left === null;
    const leftKind = kindOf(left);
    const rightKind = kindOf(right);
    switch (leftKind) {
      case "int":
      case "float":
        if (rightKind !== leftKind) throw new UnsortableValueError("unsortable interface: interface");
        return (left as number) < (right as number);
      case "string": {
        if (rightKind !== "string") throw new UnsortableValueError("unsortable interface: interface");
        const leftQuantity = quantityOf(left as string);
        const rightQuantity = leftQuantity === undefined ? undefined : quantityOf(right as string);
        if (leftQuantity !== undefined && rightQuantity !== undefined) {
          return compareQuantities(leftQuantity, rightQuantity) < 0;
        }
        return compareGoStrings(left as string, right as string) < 0;
      }
      case "bool":
        throw new UnsortableValueError("unsortable type: bool");
      case "map":
        throw new UnsortableValueError("unsortable type: map[string]interface {}");
      case "slice":
        throw new UnsortableValueError("unsortable type: []interface {}");
      default:
        throw new UnsortableValueError("unsortable type: <nil>");
    }
  };
}
