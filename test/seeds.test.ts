/** The copied seeds are the team's documents byte for byte: the hashes seeds/README.md lists. */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { SEEDS_DIR } from "./helpers/seeds";

const EXPECTED: Record<string, string> = {
  "000_88e1edb7d4a470cd.txt": "1ed0d7ebd418ee9e4a5676334607fa516333a0118a4d43dacf2af52578496ca6",
  "001_0058c704bf89770f.txt": "36427e908d429a896f33dd333544cb2299e40226479ae8ee1d1f89725b787f0e",
  "002_b1fd94916a70c6b6.txt": "9da252ee0494c6aae22a258a1ff73dd5dd4d343114986669a11951280af21a51",
  "003_82c1b6682bf832eb.txt": "d9fa86f6620285b61451cb3bf3eff3cfdf55dc1b591d37a27a533a13fff5b645",
  "004_80ef910a74375b96.txt": "25dd2fc9392ca35e12a0d5630492bec6472b8e1da2774a8f131ac5c672117649",
};

test("every seed is present with the hash of the team's copy, and there is no other", () => {
  const found = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt"));
  expect(found.sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const [file, sha] of Object.entries(EXPECTED))
    expect(
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(SEEDS_DIR, file)))
        .digest("hex"),
    ).toBe(sha);
});
