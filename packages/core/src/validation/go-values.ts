/**
 * Go `%#v` renderings of the API structs that upstream puts in field errors as bad values.
 * Upstream prints pointers inside structs as `(*T)(0xc...)` memory addresses; we print the
 * fixed address {@link goPointerPlaceholder} there, since a real address cannot be matched.
 */
import { GoValue, goQuote, goStringMap, goStringSlice } from "../errors/index.js";

/** Stands in for the memory address Go prints for a non-nil pointer inside a struct. */
export const goPointerPlaceholder = "0xc000010000";

function goPointer(type: string, isSet: boolean): string {
  return `(*${type})(${isSet ? goPointerPlaceholder : "nil"})`;
}

/** One `matchExpressions` entry as read from a manifest. */
export interface LabelSelectorRequirementValue {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[] | undefined;
}

/** A label selector as read from a manifest (`undefined` fields were absent). */
export interface LabelSelectorValue {
  readonly matchLabels: Readonly<Record<string, string>> | undefined;
  readonly matchExpressions: readonly LabelSelectorRequirementValue[] | undefined;
}

/**
 * `v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`
 * and its filled-in forms.
 */
export function goLabelSelector(selector: LabelSelectorValue): GoValue {
  const expressions =
    selector.matchExpressions === undefined
      ? "[]v1.LabelSelectorRequirement(nil)"
      : `[]v1.LabelSelectorRequirement{${selector.matchExpressions
          .map(
            (requirement) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(requirement.key)}, Operator:${goQuote(requirement.operator)}, Values:${goStringSlice(requirement.values).rendered}}`,
          )
          .join(", ")}}`;
  return new GoValue(
    `v1.LabelSelector{MatchLabels:${goStringMap(selector.matchLabels).rendered}, MatchExpressions:${expressions}}`,
    selector,
  );
}

/** `apps.DaemonSetUpdateStrategy{Type:"X", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`. */
export function goDaemonSetUpdateStrategy(type: string, hasRollingUpdate: boolean): GoValue {
  return new GoValue(
    `apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${goPointer("apps.RollingUpdateDaemonSet", hasRollingUpdate)}}`,
    { type },
  );
}

/** `core.Taint{Key:"k", Value:"v", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}`. */
export function goTaint(key: string, value: string, effect: string, hasTimeAdded: boolean): GoValue {
  return new GoValue(
    `core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:${goPointer("v1.Time", hasTimeAdded)}}`,
    { key, value, effect },
  );
}

/** An owner reference as read from a manifest. */
export interface OwnerReferenceValue {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly hasController: boolean;
  readonly hasBlockOwnerDeletion: boolean;
}

function goOwnerReferenceText(reference: OwnerReferenceValue): string {
  return `v1.OwnerReference{APIVersion:${goQuote(reference.apiVersion)}, Kind:${goQuote(reference.kind)}, Name:${goQuote(reference.name)}, UID:${goQuote(reference.uid)}, Controller:${goPointer("bool", reference.hasController)}, BlockOwnerDeletion:${goPointer("bool", reference.hasBlockOwnerDeletion)}}`;
}

/** `v1.OwnerReference{APIVersion:"v1", Kind:"Event", ...}`. */
export function goOwnerReference(reference: OwnerReferenceValue): GoValue {
  return new GoValue(goOwnerReferenceText(reference), reference);
}

/** `[]v1.OwnerReference{v1.OwnerReference{...}, ...}`. */
export function goOwnerReferences(references: readonly OwnerReferenceValue[]): GoValue {
  return new GoValue(`[]v1.OwnerReference{${references.map(goOwnerReferenceText).join(", ")}}`, references);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/**
 * A timestamp as Go's `time.Time.String()` prints a UTC time (`metav1.Time` bad values):
 * `2024-05-01 10:00:00 +0000 UTC`. `undefined` is the zero time.
 */
export function goTime(epochMilliseconds: number | undefined): GoValue {
  if (epochMilliseconds === undefined) return new GoValue("0001-01-01 00:00:00 +0000 UTC", undefined);
  const date = new Date(epochMilliseconds);
  const fraction = date.getUTCMilliseconds();
  const text =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `${fraction === 0 ? "" : `.${pad(fraction, 3).replace(/0+$/, "")}`} +0000 UTC`;
  return new GoValue(text, epochMilliseconds);
}
