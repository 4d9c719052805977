export {
  createRandom,
  generatedNameSuffixLength,
  generateName,
  nameSuffixAlphabet,
  type Random,
  randomNameSuffix,
} from "./random.js";
