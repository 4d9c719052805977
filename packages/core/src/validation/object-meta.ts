import { type FieldError, fieldErrors, fieldPath, goStringSlice } from "../errors/index.js";
import { FieldReader, type ReadResult, wrongType } from "./field-reader.js";
import { goOwnerReference, goOwnerReferences, type OwnerReferenceValue } from "./go-values.js";
import { validateAnnotationMapInto, validateLabelMapInto } from "./labels.js";
import {
  isQualifiedName,
  type NameValidator,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
} from "./name-predicates.js";

/** Options of {@link validateObjectMeta}. */
export interface ValidateObjectMetaOptions {
  /** True for namespaced kinds (namespace required), false for cluster-scoped ones (forbidden). */
  readonly namespaced: boolean;
  /** Where the metadata sits; defaults to `metadata`. */
  readonly path?: string;
  /** The kind's name rule; defaults to {@link nameIsDnsSubdomain}. */
  readonly validateName?: NameValidator;
}

const standardFinalizers = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/** The finalizer rules apimachinery applies (path without index) plus the orphan/foreground conflict. */
export function validateFinalizersInto(
  errors: FieldError[],
  finalizers: readonly string[],
  path: string,
): void {
  for (const finalizer of finalizers) {
    for (const message of isQualifiedName(finalizer))
      errors.push(fieldErrors.invalid(path, finalizer, message));
  }
  if (finalizers.includes("orphan") && finalizers.includes("foregroundDeletion")) {
    errors.push(
      fieldErrors.invalid(
        path,
        goStringSlice(finalizers),
        "finalizer orphan and foregroundDeletion cannot be both set",
      ),
    );
  }
}

/** The Kubernetes-specific finalizer rule: names without `/` must be standard ones. */
export function validateKubeFinalizerNameInto(errors: FieldError[], finalizer: string, path: string): void {
  if (!finalizer.includes("/") && !standardFinalizers.has(finalizer)) {
    errors.push(
      fieldErrors.invalid(
        path,
        finalizer,
        "name is neither a standard finalizer name nor is it fully qualified",
      ),
    );
  }
}

function groupVersionOf(apiVersion: string): { group: string; version: string } {
  if (apiVersion === "" || apiVersion === "/") return { group: "", version: "" };
  const slash = apiVersion.indexOf("/");
  if (slash === -1) return { group: "", version: apiVersion };
  if (apiVersion.indexOf("/", slash + 1) !== -1) return { group: "", version: "" };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function validateOwnerReferencesInto(errors: FieldError[], meta: FieldReader): void {
  const path = meta.childPath("ownerReferences");
  const elements = meta.objects("ownerReferences");
  if (elements === wrongType || elements === undefined) return;
  let firstController = "";
  for (const element of elements) {
    if (element === wrongType) return;
    const apiVersion = element.string("apiVersion");
    const kind = element.string("kind");
    const name = element.string("name");
    const uid = element.string("uid");
    const controller = element.boolean("controller");
    const blockOwnerDeletion = element.boolean("blockOwnerDeletion");
    if (
      apiVersion === wrongType ||
      kind === wrongType ||
      name === wrongType ||
      uid === wrongType ||
      controller === wrongType ||
      blockOwnerDeletion === wrongType
    ) {
      return;
    }
    const reference: OwnerReferenceValue = {
      apiVersion: apiVersion ?? "",
      kind: kind ?? "",
      name: name ?? "",
      uid: uid ?? "",
      hasController: controller !== undefined,
      hasBlockOwnerDeletion: blockOwnerDeletion !== undefined,
    };
    const { group, version } = groupVersionOf(reference.apiVersion);
    if (version === "") {
      errors.push(
        fieldErrors.invalid(fieldPath(path, "apiVersion"), reference.apiVersion, "version must not be empty"),
      );
    }
    if (reference.kind === "") {
      errors.push(fieldErrors.invalid(fieldPath(path, "kind"), reference.kind, "kind must not be empty"));
    }
    if (reference.name === "") {
      errors.push(fieldErrors.invalid(fieldPath(path, "name"), reference.name, "name must not be empty"));
    }
    if (reference.uid === "") {
      errors.push(fieldErrors.invalid(fieldPath(path, "uid"), reference.uid, "uid must not be empty"));
    }
    if (group === "" && version === "v1" && reference.kind === "Event") {
      errors.push(
        fieldErrors.invalid(
          path,
          goOwnerReference(reference),
          "/v1, Kind=Event is disallowed from being an owner",
        ),
      );
    }
    if (controller === true) {
      const current = `${reference.kind}/${reference.name}`;
      if (firstController === "") firstController = current;
      else {
        errors.push(
          fieldErrors.invalid(
            path,
            goOwnerReferences(readAllReferences(elements)),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      }
    }
  }
}

function readAllReferences(elements: ReadonlyArray<FieldReader | typeof wrongType>): OwnerReferenceValue[] {
  return elements.map((element) => {
    const reader = element === wrongType ? FieldReader.absent("", undefined) : element;
    const text = (key: string) => {
      const value = reader.raw(key);
      return typeof value === "string" ? value : "";
    };
    return {
      apiVersion: text("apiVersion"),
      kind: text("kind"),
      name: text("name"),
      uid: text("uid"),
      hasController: typeof reader.raw("controller") === "boolean",
      hasBlockOwnerDeletion: typeof reader.raw("blockOwnerDeletion") === "boolean",
    };
  });
}

/** Labels, annotations and owner references: the part shared by create and update. */
export function validateMetaMapsInto(errors: FieldError[], meta: FieldReader): void {
  const labels = meta.stringMap("labels");
  if (labels !== wrongType) validateLabelMapInto(errors, labels, meta.childPath("labels"));
  const annotations = meta.stringMap("annotations");
  if (annotations !== wrongType)
    validateAnnotationMapInto(errors, annotations, meta.childPath("annotations"));
  validateOwnerReferencesInto(errors, meta);
}

/** The Kubernetes-specific finalizer name rule for each finalizer, at `finalizers[i]`. */
export function validateKubeFinalizersInto(
  errors: FieldError[],
  meta: FieldReader,
  finalizers: ReadResult<readonly string[]>,
): void {
  if (finalizers === wrongType || finalizers === undefined) return;
  const path = meta.childPath("finalizers");
  finalizers.forEach((finalizer, index) => {
    validateKubeFinalizerNameInto(errors, finalizer, fieldPath(path, index));
  });
}

/**
 * Validates object metadata on create into `errors` (upstream's core `ValidateObjectMeta`)
 * and returns the metadata reader, or {@link wrongType} when metadata is not an object.
 */
export function validateObjectMetaInto(
  errors: FieldError[],
  value: unknown,
  options: ValidateObjectMetaOptions,
): FieldReader | typeof wrongType {
  const meta = FieldReader.of(value, options.path ?? "metadata", errors);
  if (meta === wrongType) return wrongType;
  const validateName = options.validateName ?? nameIsDnsSubdomain;
  const generateName = meta.string("generateName");
  if (generateName !== wrongType && generateName) {
    for (const message of validateName(generateName, true)) {
      errors.push(fieldErrors.invalid(meta.childPath("generateName"), generateName, message));
    }
  }
  const name = meta.string("name");
  if (name !== wrongType) {
    if (!name) errors.push(fieldErrors.required(meta.childPath("name"), "name or generateName is required"));
    else {
      for (const message of validateName(name, false)) {
        errors.push(fieldErrors.invalid(meta.childPath("name"), name, message));
      }
    }
  }
  const namespace = meta.string("namespace");
  if (namespace !== wrongType) {
    const namespacePath = meta.childPath("namespace");
    if (options.namespaced) {
      if (!namespace) errors.push(fieldErrors.required(namespacePath));
      else {
        for (const message of nameIsDnsLabel(namespace, false)) {
          errors.push(fieldErrors.invalid(namespacePath, namespace, message));
        }
      }
    } else if (namespace) {
      errors.push(fieldErrors.forbidden(namespacePath, "not allowed on this type"));
    }
  }
  const generation = meta.integer("generation");
  if (generation !== wrongType && generation !== undefined && generation < 0) {
    errors.push(
      fieldErrors.invalid(meta.childPath("generation"), generation, "must be greater than or equal to 0"),
    );
  }
  validateMetaMapsInto(errors, meta);
  const finalizers = meta.strings("finalizers");
  if (finalizers !== wrongType && finalizers !== undefined) {
    validateFinalizersInto(errors, finalizers, meta.childPath("finalizers"));
  }
  validateKubeFinalizersInto(errors, meta, finalizers);
  return meta;
}

/**
 * Validates object metadata on create: name (or generateName) by the kind's name rule,
 * namespace required or forbidden, generation, labels, annotations (256 KiB in total),
 * owner references and finalizers. `managedFields` is not validated.
 *
 * @example
 * validateObjectMeta({ name: "Web" }, { namespaced: true })
 * // => errors for metadata.name (not a DNS subdomain) and metadata.namespace (Required value)
 */
export function validateObjectMeta(meta: unknown, options: ValidateObjectMetaOptions): FieldError[] {
  const errors: FieldError[] = [];
  validateObjectMetaInto(errors, meta, options);
  return errors;
}
