/* Builds the shared-runtime add-in: taskpane.html loads the functions and task-pane bundles together. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DIST = path.resolve(__dirname, "dist");

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./taskpane/index.tsx",
    },
    output: { path: DIST, filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Task pane (browser): exceljs's self-contained browser build instead of its Node entry.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
        // Rule files: JSON as its text; YAML parsed at build time (its parse result as JSON text), so the
        // bundle carries no YAML parser. Hashes are of the parsed content, so they match the CLI's.
        { test: /[\\/]rules[\\/].*\.json$/, type: "asset/source" },
        {
          test: /[\\/]rules[\\/].*\.ya?ml$/,
          type: "asset/source",
          use: path.resolve(__dirname, "scripts/yaml-rule-loader.js"),
        },
        // The Prop. 1 S reference figures (sheets/hod-2026.csv) for the prop-samsvar check in the browser.
        { test: /[\\/]sheets[\\/].*\.csv$/, type: "asset/source" },
        { test: /\.(png|xlsx)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "sheets/hod-2026.xlsx", to: "hod-2026.xlsx" },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.PORT || 3000),
      static: { directory: DIST },
      headers: { "Access-Control-Allow-Origin": "https://localhost:3000" },
    },
  };
};
