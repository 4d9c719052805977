export {
  controllerRevisionName,
  maxRevision,
  newControllerRevision,
  revisionDataText,
  revisionMatchesTemplate,
  rollbackTemplate,
  templatePatchData,
} from "./controller-revision.js";
export { revisionsToClean } from "./revisions-to-clean.js";
