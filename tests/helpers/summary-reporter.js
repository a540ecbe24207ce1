/**
 * Prints jest's totals as the plain closing line CI reads (« Tests: N passed, N failed, N skipped »).
 * Jest prints its own summary after the reporters run, so the line is written when the process exits.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line =
      `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
      (skipped ? `, ${skipped} skipped` : "");
    process.on("exit", () => process.stdout.write(line + "\n"));
  }
}
module.exports = SummaryReporter;
