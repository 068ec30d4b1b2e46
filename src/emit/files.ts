/** What a back end produces: files relative to the output folder, as text. Only the writer touches the disk. */
export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  contents: string;
}
