import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { type FieldReader, readObjects, wrongType } from "./field-reader.js";
import { isDns1123Label } from "./name-predicates.js";

/**
 * The volume source keys in the order upstream checks them, each with the path segment
 * upstream uses in "may not specify more than 1 volume type" (two are misspelt upstream).
 */
const volumeSources: ReadonlyArray<readonly [string, string]> = [
  ["emptyDir", "emptyDir"],
  ["hostPath", "hostPath"],
  ["gitRepo", "gitRepo"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["secret", "secret"],
  ["nfs", "nfs"],
  ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["persistentVolumeClaim", "persistentVolumeClaim"],
  ["rbd", "rbd"],
  ["cinder", "cinder"],
  ["cephfs", "cephFS"],
  ["quobyte", "quobyte"],
  ["downwardAPI", "downwarAPI"],
  ["fc", "fc"],
  ["flexVolume", "flexVolume"],
  ["configMap", "configMap"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["storageos", "storageos"],
  ["projected", "projected"],
  ["scaleIO", "scaleIO"],
  ["csi", "csi"],
  ["ephemeral", "ephemeral"],
  ["image", "image"],
];

const hostPathTypes = [
  "",
  "BlockDevice",
  "CharDevice",
  "Directory",
  "DirectoryOrCreate",
  "File",
  "FileOrCreate",
  "Socket",
] as const;

function validateHostPathInto(errors: FieldError[], volume: FieldReader): void {
  const hostPath = volume.object("hostPath");
  if (hostPath === wrongType) return;
  const path = hostPath.string("path");
  const type = hostPath.string("type");
  if (path === wrongType) return;
  if (!path) {
    errors.push(fieldErrors.required(hostPath.childPath("path")));
    return;
  }
  if (path.split("/").includes("..")) {
    errors.push(fieldErrors.invalid(hostPath.childPath("path"), path, "must not contain '..'"));
  }
  if (type !== wrongType && type !== undefined && !(hostPathTypes as readonly string[]).includes(type)) {
    errors.push(fieldErrors.notSupported(hostPath.childPath("type"), type, hostPathTypes));
  }
}

function validateNamedSourceInto(
  errors: FieldError[],
  volume: FieldReader,
  source: string,
  nameKey: string,
): void {
  const reader = volume.object(source);
  if (reader === wrongType) return;
  const name = reader.string(nameKey);
  if (name !== wrongType && !name) errors.push(fieldErrors.required(reader.childPath(nameKey)));
}

function validateSourceInto(errors: FieldError[], volume: FieldReader): void {
  let count = 0;
  for (const [key, pathSegment] of volumeSources) {
    if (!volume.has(key)) continue;
    if (count > 0) {
      errors.push(
        fieldErrors.forbidden(volume.childPath(pathSegment), "may not specify more than 1 volume type"),
      );
      continue;
    }
    count++;
    if (key === "hostPath") validateHostPathInto(errors, volume);
    else if (key === "secret") validateNamedSourceInto(errors, volume, "secret", "secretName");
    else if (key === "configMap") validateNamedSourceInto(errors, volume, "configMap", "name");
    else if (key === "persistentVolumeClaim")
      validateNamedSourceInto(errors, volume, "persistentVolumeClaim", "claimName");
  }
  if (count === 0) errors.push(fieldErrors.required(volume.path, "must specify a volume type"));
}

/**
 * Validates `spec.volumes` into `errors` and returns the names of the valid volumes, which
 * volumeMounts may refer to. Checked: names (required, DNS-1123 labels, unique), exactly
 * one volume source, `hostPath.path` (required, no `..`) and `hostPath.type`, and the
 * required name of secret, configMap and persistentVolumeClaim sources. Other source
 * fields (NFS servers, CSI drivers, projections, ...) are not validated.
 */
export function validateVolumesInto(errors: FieldError[], value: unknown, path: string): Set<string> {
  const names = new Set<string>();
  const volumes = readObjects(value, path, errors);
  if (volumes === wrongType || volumes === undefined) return names;
  volumes.forEach((volume, index) => {
    if (volume === wrongType) return;
    const volumeErrors: FieldError[] = [];
    validateSourceInto(volumeErrors, volume);
    const name = volume.string("name");
    const namePath = fieldPath(path, index, "name");
    if (name === wrongType) return;
    if (!name) volumeErrors.push(fieldErrors.required(namePath));
    else
      for (const message of isDns1123Label(name))
        volumeErrors.push(fieldErrors.invalid(namePath, name, message));
    if (names.has(name ?? "")) volumeErrors.push(fieldErrors.duplicate(namePath, name ?? ""));
    // Like upstream, only a volume without errors can be mounted.
    if (volumeErrors.length === 0) names.add(name ?? "");
    else errors.push(...volumeErrors);
  });
  return names;
}
