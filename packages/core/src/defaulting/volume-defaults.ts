import {
  defaultString,
  defaultUnset,
  forEachObjectIn,
  isUnset,
  type JsonObject,
  objectField,
} from "./json-fields.js";
import { canonicalizeResourceRequirements } from "./resource-list.js";

/** Every volume source field of `v1.VolumeSource` in v1.32 (`image` included). */
const volumeSourceKeys = [
  "hostPath",
  "emptyDir",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "persistentVolumeClaim",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "downwardAPI",
  "fc",
  "azureFile",
  "configMap",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "projected",
  "portworxVolume",
  "scaleIO",
  "storageos",
  "csi",
  "ephemeral",
  "image",
] as const;

/** `0644`, the default file mode of secret, configMap, downwardAPI and projected volumes. */
const defaultFileMode = 0o644;

/**
 * Applies upstream's volume defaults in place.
 *
 * @remarks
 * A volume naming no source becomes `emptyDir: {}`; `hostPath.type` defaults to `""`;
 * secret, configMap, downwardAPI and projected volumes get `defaultMode: 420` (0644);
 * downward API `fieldRef`s get `apiVersion: v1`; projected service account tokens get
 * `expirationSeconds: 3600`; generic ephemeral volume claims get
 * `volumeMode: Filesystem`; and the legacy in-tree plugins get their declared defaults
 * (iSCSI `iscsiInterface: default`; RBD `pool: rbd`, `user: admin`,
 * `keyring: /etc/ceph/keyring`; Azure Disk `cachingMode: ReadWrite`, `fsType: ext4`,
 * `readOnly: false`, `kind: Shared`; ScaleIO `storageMode: ThinProvisioned`,
 * `fsType: xfs`). Image volumes (alpha, off in v1.32) are left alone.
 */
export function defaultVolume(volume: JsonObject): void {
  if (volumeSourceKeys.every((key) => isUnset(volume[key]))) volume.emptyDir = {};
  const hostPath = objectField(volume, "hostPath");
  if (hostPath !== undefined) defaultUnset(hostPath, "type", "");
  for (const key of ["secret", "configMap"]) {
    const source = objectField(volume, key);
    if (source !== undefined) defaultUnset(source, "defaultMode", defaultFileMode);
  }
  const downwardApi = objectField(volume, "downwardAPI");
  if (downwardApi !== undefined) {
    defaultUnset(downwardApi, "defaultMode", defaultFileMode);
    defaultDownwardApiItems(downwardApi);
  }
  const projected = objectField(volume, "projected");
  if (projected !== undefined) defaultProjected(projected);
  defaultLegacyPlugins(volume);
  const ephemeral = objectField(volume, "ephemeral");
  const claimTemplate = ephemeral === undefined ? undefined : objectField(ephemeral, "volumeClaimTemplate");
  const claimSpec = claimTemplate === undefined ? undefined : objectField(claimTemplate, "spec");
  if (claimSpec !== undefined) {
    defaultUnset(claimSpec, "volumeMode", "Filesystem");
    canonicalizeResourceRequirements(claimSpec);
  }
}

function defaultProjected(projected: JsonObject): void {
  defaultUnset(projected, "defaultMode", defaultFileMode);
  forEachObjectIn(projected, "sources", (source) => {
    const downwardApi = objectField(source, "downwardAPI");
    if (downwardApi !== undefined) defaultDownwardApiItems(downwardApi);
    const token = objectField(source, "serviceAccountToken");
    if (token !== undefined) defaultUnset(token, "expirationSeconds", 3600);
  });
}

function defaultDownwardApiItems(downwardApi: JsonObject): void {
  forEachObjectIn(downwardApi, "items", (item) => {
    const fieldRef = objectField(item, "fieldRef");
    if (fieldRef !== undefined) defaultString(fieldRef, "apiVersion", "v1");
  });
}

function defaultLegacyPlugins(volume: JsonObject): void {
  const iscsi = objectField(volume, "iscsi");
  if (iscsi !== undefined) defaultString(iscsi, "iscsiInterface", "default");
  const rbd = objectField(volume, "rbd");
  if (rbd !== undefined) {
    defaultString(rbd, "pool", "rbd");
    defaultString(rbd, "user", "admin");
    defaultString(rbd, "keyring", "/etc/ceph/keyring");
  }
  const azureDisk = objectField(volume, "azureDisk");
  if (azureDisk !== undefined) {
    defaultUnset(azureDisk, "cachingMode", "ReadWrite");
    defaultUnset(azureDisk, "fsType", "ext4");
    defaultUnset(azureDisk, "readOnly", false);
    defaultUnset(azureDisk, "kind", "Shared");
  }
  const scaleIo = objectField(volume, "scaleIO");
  if (scaleIo !== undefined) {
    defaultString(scaleIo, "storageMode", "ThinProvisioned");
    defaultString(scaleIo, "fsType", "xfs");
  }
}
