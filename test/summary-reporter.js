/**
 * Ends the run with the plain closing line CI reads: "N passed, N failed" (plus skipped, if any).
 * Written at process exit, after jest's own summary.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => process.stderr.write(`${line}\n`));
  }
}
module.exports = SummaryReporter;
