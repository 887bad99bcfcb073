/** The shared build step (scripts/build.js) for tests that need dist/. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/build.js") as { ROOT: string; DIST: string; ensureBuild(stdio?: string): boolean };

export const ROOT = build.ROOT;
export const DIST = build.DIST;
export const ensureBuild = (): boolean => build.ensureBuild("pipe");
