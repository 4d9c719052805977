import { libraryStory } from "./story.js";

process.stdout.write(await libraryStory());
