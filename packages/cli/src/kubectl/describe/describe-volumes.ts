/**
 * The Volumes section of `describe pod` and of pod templates: one block per volume with
 * its source's type line and fields, as kubectl prints each volume source.
 */
import type { Pod } from "@kubesim/core";
import { goSliceText } from "./describe-containers.js";
import { byteLength, mapValue, sortedKeys, writeAnnotations, writeLabels } from "./describe-fields.js";
import { nestedWriter, type PrefixWriter } from "./describe-writer.js";
import { readResourceList } from "./pod-resources.js";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];
type ClaimTemplate = NonNullable<NonNullable<Volume["ephemeral"]>["volumeClaimTemplate"]>;

/** One `    Label:\tvalue` line of a volume source; the label carries its own colon. */
type SourceField = readonly [label: string, value: unknown];

const maxAttributeLength = 140;

/** Go's `%v` of a scalar field: strings as is, numbers as integers, booleans as `true`/`false`. */
function goValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(Math.trunc(value));
  if (typeof value === "boolean") return String(value);
  if (value === undefined || value === null) return "";
  return String(value);
}

function goBool(value: unknown): string {
  return value === true ? "true" : "false";
}

function goInteger(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(Math.trunc(value)) : "0";
}

/** Go's `%v` of a `*LocalObjectReference`: `&{name}`, or `<nil>`. */
function goReference(reference: { name?: string } | null | undefined): string {
  return reference === undefined || reference === null ? "<nil>" : `&{${reference.name ?? ""}}`;
}

/** Go's `%v` of a `map[string]string`: `map[a:1 b:2]`, keys sorted. */
function goStringMap(map: Readonly<Record<string, string>> | null | undefined): string {
  return `map[${sortedKeys(map)
    .map((key) => `${key}:${mapValue(map, key)}`)
    .join(" ")}]`;
}

function writeSource(writer: PrefixWriter, description: string, fields: readonly SourceField[]): void {
  writer.write(
    2,
    `Type:\t${description}\n${fields.map(([label, value]) => `    ${label}\t${goValue(value)}\n`).join("")}`,
  );
}

/** CSI volume attributes: one `key=value` per line, the first after the title (upstream's spacing kept). */
function writeCsiAttributes(
  writer: PrefixWriter,
  attributes: Readonly<Record<string, string>> | null | undefined,
): void {
  writer.write(2, "VolumeAttributes:\t");
  const keys = sortedKeys(attributes);
  if (keys.length === 0) {
    writer.writeLine("<none>");
    return;
  }
  for (const [index, key] of keys.entries()) {
    if (index !== 0) {
      writer.write(2, "");
      writer.write(2, "\t");
    }
    const line = `${key}=${mapValue(attributes, key)}`;
    const shortened =
      byteLength(line) > maxAttributeLength
        ? `${new TextDecoder().decode(new TextEncoder().encode(line).subarray(0, maxAttributeLength))}...`
        : line;
    writer.write(2, `${shortened}\n`);
  }
}

/** The claim template of an ephemeral volume, as kubectl's non-full PVC view. */
function writeClaimTemplate(writer: PrefixWriter, template: ClaimTemplate): void {
  const annotations = template.metadata?.annotations;
  const spec = template.spec;
  let storageClass = "";
  if (annotations !== undefined && Object.hasOwn(annotations, "volume.beta.kubernetes.io/storage-class")) {
    storageClass = mapValue(annotations, "volume.beta.kubernetes.io/storage-class");
  } else if (typeof spec.storageClassName === "string") {
    storageClass = spec.storageClassName;
  }
  writer.write(0, `StorageClass:\t${storageClass}\n`);
  const volumeName = spec.volumeName ?? "";
  writer.write(0, `Volume:\t${volumeName}\n`);
  writeLabels(writer, "Labels", template.metadata?.labels);
  writeAnnotations(writer, "Annotations", annotations);
  // A template has no status: a bound claim would show the zero capacity.
  writer.write(0, `Capacity:\t${volumeName === "" ? "" : "0"}\n`);
  writer.write(0, "Access Modes:\t\n");
  if (typeof spec.volumeMode === "string") writer.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  const dataSource = spec.dataSource;
  if (dataSource !== undefined && dataSource !== null) {
    writer.write(0, "DataSource:\n");
    if (typeof dataSource.apiGroup === "string") writer.write(1, `APIGroup:\t${dataSource.apiGroup}\n`);
    writer.write(1, `Kind:\t${dataSource.kind}\n`);
    writer.write(1, `Name:\t${dataSource.name}\n`);
  }
}

function writeProjected(writer: PrefixWriter, projected: NonNullable<Volume["projected"]>): void {
  writer.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  for (const source of projected.sources ?? []) {
    if (source.secret !== undefined && source.secret !== null) {
      // kubectl prints the Optional pointer itself (an address); kubesim prints its value.
      const optional = source.secret.optional === undefined ? "<nil>" : goBool(source.secret.optional);
      writer.write(2, `SecretName:\t${source.secret.name ?? ""}\n    SecretOptionalName:\t${optional}\n`);
    } else if (source.downwardAPI !== undefined && source.downwardAPI !== null) {
      writer.write(2, "DownwardAPI:\ttrue\n");
    } else if (source.configMap !== undefined && source.configMap !== null) {
      const optional = source.configMap.optional === undefined ? "<nil>" : goBool(source.configMap.optional);
      writer.write(
        2,
        `ConfigMapName:\t${source.configMap.name ?? ""}\n    ConfigMapOptional:\t${optional}\n`,
      );
    } else if (source.serviceAccountToken !== undefined && source.serviceAccountToken !== null) {
      writer.write(
        2,
        `TokenExpirationSeconds:\t${goInteger(source.serviceAccountToken.expirationSeconds)}\n`,
      );
    }
  }
}

/** Writes one volume's source (upstream's switch, in its order). */
function writeVolumeSource(writer: PrefixWriter, volume: Volume): void {
  if (volume.hostPath) {
    writeSource(writer, "HostPath (bare host directory volume)", [
      ["Path:", volume.hostPath.path],
      ["HostPathType:", volume.hostPath.type ?? "<none>"],
    ]);
  } else if (volume.emptyDir) {
    const sizeLimit = readResourceList({ size: volume.emptyDir.sizeLimit }).get("size");
    writeSource(writer, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ["Medium:", volume.emptyDir.medium ?? ""],
      ["SizeLimit:", sizeLimit !== undefined && sizeLimit.sign() > 0 ? sizeLimit.toString() : "<unset>"],
    ]);
  } else if (volume.gcePersistentDisk) {
    const disk = volume.gcePersistentDisk;
    writeSource(writer, "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)", [
      ["PDName:", disk.pdName],
      ["FSType:", disk.fsType],
      ["Partition:", goInteger(disk.partition)],
      ["ReadOnly:", goBool(disk.readOnly)],
    ]);
  } else if (volume.awsElasticBlockStore) {
    const disk = volume.awsElasticBlockStore;
    writeSource(writer, "AWSElasticBlockStore (a Persistent Disk resource in AWS)", [
      ["VolumeID:", disk.volumeID],
      ["FSType:", disk.fsType],
      ["Partition:", goInteger(disk.partition)],
      ["ReadOnly:", goBool(disk.readOnly)],
    ]);
  } else if (volume.gitRepo) {
    writeSource(writer, "GitRepo (a volume that is pulled from git when the pod is created)", [
      ["Repository:", volume.gitRepo.repository],
      ["Revision:", volume.gitRepo.revision],
    ]);
  } else if (volume.secret) {
    writeSource(writer, "Secret (a volume populated by a Secret)", [
      ["SecretName:", volume.secret.secretName],
      ["Optional:", goBool(volume.secret.optional)],
    ]);
  } else if (volume.configMap) {
    writeSource(writer, "ConfigMap (a volume populated by a ConfigMap)", [
      ["Name:", volume.configMap.name],
      ["Optional:", goBool(volume.configMap.optional)],
    ]);
  } else if (volume.nfs) {
    writeSource(writer, "NFS (an NFS mount that lasts the lifetime of a pod)", [
      ["Server:", volume.nfs.server],
      ["Path:", volume.nfs.path],
      ["ReadOnly:", goBool(volume.nfs.readOnly)],
    ]);
  } else if (volume.iscsi) {
    const iscsi = volume.iscsi;
    writeSource(
      writer,
      "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
      [
        ["TargetPortal:", iscsi.targetPortal],
        ["IQN:", iscsi.iqn],
        ["Lun:", goInteger(iscsi.lun)],
        ["ISCSIInterface", iscsi.iscsiInterface],
        ["FSType:", iscsi.fsType],
        ["ReadOnly:", goBool(iscsi.readOnly)],
        ["Portals:", goSliceText(iscsi.portals)],
        ["DiscoveryCHAPAuth:", goBool(iscsi.chapAuthDiscovery)],
        ["SessionCHAPAuth:", goBool(iscsi.chapAuthSession)],
        ["SecretRef:", goReference(iscsi.secretRef)],
        ["InitiatorName:", iscsi.initiatorName ?? "<none>"],
      ],
    );
  } else if (volume.glusterfs) {
    writeSource(writer, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
      ["EndpointsName:", volume.glusterfs.endpoints],
      ["Path:", volume.glusterfs.path],
      ["ReadOnly:", goBool(volume.glusterfs.readOnly)],
    ]);
  } else if (volume.persistentVolumeClaim) {
    writeSource(
      writer,
      "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
      [
        ["ClaimName:", volume.persistentVolumeClaim.claimName],
        ["ReadOnly:", goBool(volume.persistentVolumeClaim.readOnly)],
      ],
    );
  } else if (volume.ephemeral) {
    writer.write(
      2,
      "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
    const template = volume.ephemeral.volumeClaimTemplate;
    if (template !== undefined && template !== null) writeClaimTemplate(nestedWriter(writer, 2), template);
  } else if (volume.rbd) {
    const rbd = volume.rbd;
    writeSource(writer, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
      ["CephMonitors:", goSliceText(rbd.monitors)],
      ["RBDImage:", rbd.image],
      ["FSType:", rbd.fsType],
      ["RBDPool:", rbd.pool],
      ["RadosUser:", rbd.user],
      ["Keyring:", rbd.keyring],
      ["SecretRef:", goReference(rbd.secretRef)],
      ["ReadOnly:", goBool(rbd.readOnly)],
    ]);
  } else if (volume.quobyte) {
    writeSource(writer, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
      ["Registry:", volume.quobyte.registry],
      ["Volume:", volume.quobyte.volume],
      ["ReadOnly:", goBool(volume.quobyte.readOnly)],
    ]);
  } else if (volume.downwardAPI) {
    writer.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) writer.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) writer.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (volume.azureDisk) {
    const disk = volume.azureDisk;
    writeSource(writer, "AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)", [
      ["DiskName:", disk.diskName],
      ["DiskURI:", disk.diskURI],
      ["Kind: ", disk.kind ?? ""],
      ["FSType:", disk.fsType ?? ""],
      ["CachingMode:", disk.cachingMode ?? ""],
      ["ReadOnly:", goBool(disk.readOnly)],
    ]);
  } else if (volume.vsphereVolume) {
    writeSource(writer, "vSphereVolume (a Persistent Disk resource in vSphere)", [
      ["VolumePath:", volume.vsphereVolume.volumePath],
      ["FSType:", volume.vsphereVolume.fsType],
      ["StoragePolicyName:", volume.vsphereVolume.storagePolicyName],
    ]);
  } else if (volume.cinder) {
    writeSource(writer, "Cinder (a Persistent Disk resource in OpenStack)", [
      ["VolumeID:", volume.cinder.volumeID],
      ["FSType:", volume.cinder.fsType],
      ["ReadOnly:", goBool(volume.cinder.readOnly)],
      ["SecretRef:", goReference(volume.cinder.secretRef)],
    ]);
  } else if (volume.photonPersistentDisk) {
    writeSource(writer, "PhotonPersistentDisk (a Persistent Disk resource in photon platform)", [
      ["PdID:", volume.photonPersistentDisk.pdID],
      ["FSType:", volume.photonPersistentDisk.fsType],
    ]);
  } else if (volume.portworxVolume) {
    writeSource(writer, "PortworxVolume (a Portworx Volume resource)", [
      ["VolumeID:", volume.portworxVolume.volumeID],
    ]);
  } else if (volume.scaleIO) {
    const scaleIO = volume.scaleIO;
    writeSource(writer, "ScaleIO (a persistent volume backed by a block device in ScaleIO)", [
      ["Gateway:", scaleIO.gateway],
      ["System:", scaleIO.system],
      ["Protection Domain:", scaleIO.protectionDomain],
      ["Storage Pool:", scaleIO.storagePool],
      ["Storage Mode:", scaleIO.storageMode],
      ["VolumeName:", scaleIO.volumeName],
      ["FSType:", scaleIO.fsType],
      ["ReadOnly:", goBool(scaleIO.readOnly)],
    ]);
  } else if (volume.cephfs) {
    const cephfs = volume.cephfs;
    writeSource(writer, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
      ["Monitors:", goSliceText(cephfs.monitors)],
      ["Path:", cephfs.path],
      ["User:", cephfs.user],
      ["SecretFile:", cephfs.secretFile],
      ["SecretRef:", goReference(cephfs.secretRef)],
      ["ReadOnly:", goBool(cephfs.readOnly)],
    ]);
  } else if (volume.storageos) {
    writeSource(writer, "StorageOS (a StorageOS Persistent Disk resource)", [
      ["VolumeName:", volume.storageos.volumeName],
      ["VolumeNamespace:", volume.storageos.volumeNamespace],
      ["FSType:", volume.storageos.fsType],
      ["ReadOnly:", goBool(volume.storageos.readOnly)],
    ]);
  } else if (volume.fc) {
    const fc = volume.fc;
    writeSource(writer, "FC (a Fibre Channel disk)", [
      ["TargetWWNs:", (fc.targetWWNs ?? []).join(", ")],
      ["LUN:", typeof fc.lun === "number" ? goInteger(fc.lun) : "<none>"],
      ["FSType:", fc.fsType],
      ["ReadOnly:", goBool(fc.readOnly)],
    ]);
  } else if (volume.azureFile) {
    writeSource(writer, "AzureFile (an Azure File Service mount on the host and bind mount to the pod)", [
      ["SecretName:", volume.azureFile.secretName],
      ["ShareName:", volume.azureFile.shareName],
      ["ReadOnly:", goBool(volume.azureFile.readOnly)],
    ]);
  } else if (volume.flexVolume) {
    const flex = volume.flexVolume;
    writeSource(
      writer,
      "FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)",
      [
        ["Driver:", flex.driver],
        ["FSType:", flex.fsType],
        ["SecretRef:", goReference(flex.secretRef)],
        ["ReadOnly:", goBool(flex.readOnly)],
        ["Options:", goStringMap(flex.options)],
      ],
    );
  } else if (volume.flocker) {
    writeSource(writer, "Flocker (a Flocker volume mounted by the Flocker agent)", [
      ["DatasetName:", volume.flocker.datasetName],
      ["DatasetUUID:", volume.flocker.datasetUUID],
    ]);
  } else if (volume.projected) {
    writeProjected(writer, volume.projected);
  } else if (volume.csi) {
    writeSource(writer, "CSI (a Container Storage Interface (CSI) volume source)", [
      ["Driver:", volume.csi.driver],
      ["FSType:", volume.csi.fsType ?? ""],
      ["ReadOnly:", goBool(volume.csi.readOnly)],
    ]);
    writeCsiAttributes(writer, volume.csi.volumeAttributes);
  } else if (isImageVolume(volume)) {
    writeSource(writer, "Image (a container image or OCI artifact)", [
      ["Reference:", volume.image.reference ?? ""],
      ["PullPolicy:", volume.image.pullPolicy ?? ""],
    ]);
  } else {
    writer.write(2, "<unknown>\n");
  }
}

/** `image` volumes are newer than the bundled API types. */
function isImageVolume(
  volume: Volume,
): volume is Volume & { image: { reference?: string; pullPolicy?: string } } {
  const image = (volume as { image?: unknown }).image;
  return typeof image === "object" && image !== null;
}

/**
 * Writes `Volumes:` and each volume (upstream `describeVolumes`); `space` indents the
 * pod template's section.
 */
export function writeVolumes(
  writer: PrefixWriter,
  volumes: readonly Volume[] | null | undefined,
  space: string,
): void {
  if (volumes === null || volumes === undefined || volumes.length === 0) {
    writer.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  writer.write(0, `${space}Volumes:\n`);
  const nameIndent = space === "" ? "" : " ";
  for (const volume of volumes) {
    writer.write(1, `${nameIndent}${volume.name}:\n`);
    writeVolumeSource(writer, volume);
  }
}
