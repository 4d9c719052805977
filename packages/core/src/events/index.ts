export { createEventNanosecondSequence, eventName } from "./event-names.js";
