/**
 * A problem at its place in a file: plain data, declared in the model so every layer can carry it
 * (a check report lists a bad plan's problems); io locates problems and formats them.
 */
export interface Diagnostic {
  file: string;
  line?: number;
  col?: number;
  message: string;
  hint?: string;
}
