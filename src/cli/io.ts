export interface Io {
  out(line: string): void;
  err(line: string): void;
  /**
   * A line that replaces itself on a terminal (« 120 / 2 090 fichiers vérifiés »); absent when stderr is not a
   * terminal, so that piped or redirected output stays clean.
   */
  progress?(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r${line}\u001b[K`) } : {}),
};
