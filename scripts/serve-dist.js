#!/usr/bin/env node
/** A tiny static server for dist/ on 127.0.0.1 (tests and the browser preview). Usage: node scripts/serve-dist.js [port] */
const http = require("http");
const https = require("https");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root`; with `opts.tls` ({ key, cert }) over https (what Excel requires for sideloading). */
function serveDist(root = path.resolve(__dirname, "..", "dist"), port = 0, opts = {}) {
  const host = opts.host || "127.0.0.1";
  const handler = (req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname);
    const file = path.resolve(root, "." + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("ikke funnet");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  };
  const server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  const scheme = opts.tls ? "https" : "http";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        server,
        url: `${scheme}://${host}:${server.address().port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

module.exports = { serveDist };

if (require.main === module) {
  serveDist(undefined, Number(process.argv[2] || process.env.PORT || 3000)).then(({ url }) =>
    console.log(`dist/ på ${url}/taskpane.html (forhåndsvisning i nettleser)`),
  );
}
