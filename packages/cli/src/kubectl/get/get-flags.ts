/** The flags of `kubesim get`, named as kubectl names them. */
export interface GetFlags {
  /** `-o/--output`: `wide`, `yaml`, `json`, `name`, `jsonpath=...`, `jsonpath-file=...`, `jsonpath-as-json=...`. */
  readonly output?: string | undefined;
  /** `--no-headers`. */
  readonly noHeaders?: boolean | undefined;
  /** `--show-labels`. */
  readonly showLabels?: boolean | undefined;
  /** `--show-kind`: prefix names with `kind.group/` even for one resource type. */
  readonly showKind?: boolean | undefined;
  /** `-L/--label-columns`: one column per label key (each entry may hold a comma-separated list). */
  readonly labelColumns?: readonly string[] | undefined;
  /** `--sort-by`: a JSONPath field (`.spec.nodeName`, `{.metadata.name}`). */
  readonly sortBy?: string | undefined;
  /** `-l/--selector`. */
  readonly selector?: string | undefined;
  /** `--field-selector`. */
  readonly fieldSelector?: string | undefined;
  /** `-A/--all-namespaces`. */
  readonly allNamespaces?: boolean | undefined;
  /** `--ignore-not-found`. */
  readonly ignoreNotFound?: boolean | undefined;
  /** `--template`: the template for `-o jsonpath` / `-o jsonpath-file` given apart. */
  readonly template?: string | undefined;
  /** `--allow-missing-template-keys` (default true). */
  readonly allowMissingTemplateKeys?: boolean | undefined;
  /** `--show-managed-fields` for `-o yaml|json`. */
  readonly showManagedFields?: boolean | undefined;
  /** `-w/--watch`: refused (kubesim settles the cluster before printing). */
  readonly watch?: boolean | undefined;
  /** `--watch-only`: refused likewise. */
  readonly watchOnly?: boolean | undefined;
}
