import { type FieldError, fieldErrors, fieldPath, GoValue, goQuote } from "../errors/index.js";
import { FieldReader, sortedEntries, wrongType } from "./field-reader.js";
import { validateObjectMetaInto } from "./object-meta.js";
import { validateObjectMetaUpdateInto } from "./object-meta-update.js";
import { validateQuantityValueInto } from "./resources.js";
import { validateTaintsInto } from "./taints.js";

const resourceListKeys = ["capacity", "allocatable"] as const;

function validateNodeResourcesInto(errors: FieldError[], node: FieldReader): void {
  const status = node.object("status");
  if (status === wrongType) return;
  for (const key of resourceListKeys) {
    const entries = status.entries(key);
    if (entries === wrongType || entries === undefined) continue;
    for (const [name, raw] of sortedEntries(entries)) {
      validateQuantityValueInto(errors, name, raw, fieldPath("status", key, name));
    }
  }
}

/**
 * Validates a Node on create (upstream's `ValidateNode`): metadata (cluster-scoped,
 * DNS-subdomain name), taints — reported under `metadata.taints` as upstream does — and
 * the quantities of `status.capacity` and `status.allocatable`. podCIDRs and the taints
 * and avoid-pods annotations are not validated.
 *
 * @example
 * validateNode({ metadata: { name: "n1" }, spec: { taints: [{ key: "a", effect: "" }] } })[0]?.field
 * // => "metadata.taints[0].effect"
 */
export function validateNode(node: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(node, "", errors);
  if (object === wrongType) return errors;
  validateObjectMetaInto(errors, object.raw("metadata"), { namespaced: false });
  const spec = object.object("spec");
  if (spec !== wrongType && spec.has("taints"))
    validateTaintsInto(errors, spec.raw("taints"), "metadata.taints");
  validateNodeResourcesInto(errors, object);
  return errors;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : [];
}

function stringField(reader: FieldReader | typeof wrongType, key: string): string {
  if (reader === wrongType) return "";
  const value = reader.raw(key);
  return typeof value === "string" ? value : "";
}

/**
 * The update rules of a Node (upstream's `ValidateNodeUpdate`): metadata update rules,
 * status quantities, unique `status.addresses`, `spec.podCIDRs` and `spec.providerID`
 * fixed once set, and the taints. Upstream runs it after {@link validateNode}.
 */
export function validateNodeUpdate(node: unknown, oldNode: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const object = FieldReader.of(node, "", errors);
  if (object === wrongType) return errors;
  const oldObject = FieldReader.of(oldNode, "", undefined);
  const old = oldObject === wrongType ? FieldReader.absent("", undefined) : oldObject;
  validateObjectMetaUpdateInto(errors, object.raw("metadata"), old.raw("metadata"));
  validateNodeResourcesInto(errors, object);
  const status = FieldReader.of(object.raw("status"), "status", undefined);
  const addresses = status === wrongType ? [] : status.raw("addresses");
  const seen = new Set<string>();
  (Array.isArray(addresses) ? addresses : []).forEach((address, index) => {
    const reader = FieldReader.of(address, "", undefined);
    const type = stringField(reader, "type");
    const value = stringField(reader, "address");
    // The length prefix keeps every (type, address) pair apart.
    const key = `${type.length}:${type}${value}`;
    if (seen.has(key)) {
      errors.push(
        fieldErrors.duplicate(
          fieldPath("status", "addresses", index),
          new GoValue(`core.NodeAddress{Type:${goQuote(type)}, Address:${goQuote(value)}}`, {
            type,
            address: value,
          }),
        ),
      );
    }
    seen.add(key);
  });
  const spec = FieldReader.of(object.raw("spec"), "spec", undefined);
  const oldSpec = FieldReader.of(old.raw("spec"), "spec", undefined);
  const cidrs = stringList(spec === wrongType ? undefined : spec.raw("podCIDRs"));
  const oldCidrs = stringList(oldSpec === wrongType ? undefined : oldSpec.raw("podCIDRs"));
  const cidrMessage = 'node updates may not change podCIDR except from "" to valid';
  if (oldCidrs.length > 0) {
    if (oldCidrs.length !== cidrs.length) errors.push(fieldErrors.forbidden("spec.podCIDRs", cidrMessage));
    else {
      oldCidrs.forEach((cidr, index) => {
        if (cidr !== cidrs[index]) errors.push(fieldErrors.forbidden("spec.podCIDRs", cidrMessage));
      });
    }
  }
  const oldProviderId = stringField(oldSpec, "providerID");
  if (oldProviderId !== "" && oldProviderId !== stringField(spec, "providerID")) {
    errors.push(
      fieldErrors.forbidden(
        "spec.providerID",
        'node updates may not change providerID except from "" to valid',
      ),
    );
  }
  if (spec !== wrongType && spec.has("taints"))
    validateTaintsInto(errors, spec.raw("taints"), "metadata.taints");
  return errors;
}
