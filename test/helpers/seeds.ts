/** The source documents, as the repository keeps them (seeds/README.md). */
import * as path from "path";

export const SEEDS_DIR = path.join(__dirname, "..", "..", "seeds");
export const PROP_SEED = path.join(SEEDS_DIR, "003_82c1b6682bf832eb.txt");
