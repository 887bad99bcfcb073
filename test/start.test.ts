/** `npm start` (the README's main command): builds, checks the bundled workbook, prints the URLs. */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

function start(home: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js"), "--once", "--port=0"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, HOME: home },
    timeout: 900_000,
  }); // hang guard only
  expect(r.status).toBe(0);
  return r.stdout;
}

test("without a dev certificate: checks the workbook, serves over http and says why", () => {
  const out = start(fs.mkdtempSync(path.join(os.tmpdir(), "home-")));
  expect(out).toMatch(/^0 feil, \d+ advarsler, \d+ info – \d+ ms$/m);
  expect(out).toMatch(/kapittelsum v\d+\.\d+\.\d+ .*50 kontroller/);
  expect(out).toMatch(/Fant ikke utviklersertifikat/);
  expect(out).toMatch(/Oppgavepanel \(forhåndsvisning i nettleser\): http:\/\/localhost:\d+\/taskpane\.html/);
  expect(out).toMatch(/Manifest for sideloading: +http:\/\/localhost:\d+\/manifest\.xml/);
});

test("with a certificate in ~/.office-addin-dev-certs: serves over https", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "home-"));
  const dir = path.join(home, ".office-addin-dev-certs");
  fs.mkdirSync(dir);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-keyout",
      path.join(dir, "localhost.key"),
      "-out",
      path.join(dir, "localhost.crt"),
    ],
    { stdio: "pipe" },
  );
  const out = start(home);
  expect(out).not.toMatch(/Fant ikke utviklersertifikat/);
  expect(out).toMatch(/Oppgavepanel \(forhåndsvisning i nettleser\): https:\/\/localhost:\d+\/taskpane\.html/);
});
