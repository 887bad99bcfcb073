#!/usr/bin/env node
/**
 * `npm start`, the main job: build the add-in (when sources changed), check the bundled HOD 2026
 * workbook with every rule file and print the summary, then serve the add-in for sideloading and
 * the task pane's browser preview. `--once` stops after printing the URLs (used by the test).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { ROOT, DIST, ensureBuild } = require("./build.js");
const { serveDist } = require("./serve-dist.js");

const once = process.argv.includes("--once");
const portArg = process.argv.find((a) => a.startsWith("--port="));
const port = portArg ? Number(portArg.slice(7)) : Number(process.env.PORT || 3000);

function step(title) {
  console.log(`\n== ${title}`);
}

async function main() {
  step("Bygger tillegget (webpack, production)");
  console.log(ensureBuild("inherit") ? "Bygget dist/." : "dist/ er oppdatert; ingen ny bygging trengs.");

  step("Kontrollerer den innebygde arbeidsboken sheets/hod-2026.xlsx med alle regelfiler");
  const check = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "budget-rules.js"), "check", path.join("sheets", "hod-2026.xlsx")],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (check.status === 2) throw new Error("kontrollen kunne ikke kjøres (se meldingen over)");
  if (check.status === 1) console.log("Merk: kontrollen fant feil i arbeidsboken (se over).");

  step("Serverer tillegget");
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(certDir, "localhost.crt");
  const key = path.join(certDir, "localhost.key");
  const tls =
    fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : null;
  const server = await serveDist(DIST, port, { host: "localhost", tls });
  if (!tls) {
    console.log(`Fant ikke utviklersertifikat i ${certDir}: serverer over http.`);
    console.log("Excel krever https for å sideloade; forhåndsvisningen i nettleseren virker over http.");
    console.log("Lag sertifikatet med `npx office-addin-dev-certs install` (Windows/macOS) og start på nytt.");
  }
  console.log(`Oppgavepanel (forhåndsvisning i nettleser): ${server.url}/taskpane.html`);
  console.log(`Manifest for sideloading:                 ${server.url}/manifest.xml  (kilde: manifest.xml)`);
  console.log(`Egendefinerte funksjoner:                 ${server.url}/functions.json`);
  if (once) {
    await server.close();
    return;
  }
  console.log("Stopp med Ctrl+C.");
}

main().catch((e) => {
  console.error(`npm start: ${e.message}`);
  process.exitCode = 1;
});
