// Errors of the export parser. ExportFormatError is file-level (the whole file cannot be read as an
// order export) and its message is shown to operators as is, so it is Chinese and says what to do.
// CellError/RowError are row-level: they become a RejectedRow and never stop the file.

export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

/** A single cell that cannot be read as what its column means (money, date, id…). */
export class CellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellError';
  }
}

/** A row that cannot become a record; the message is the Chinese reject reason. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}
