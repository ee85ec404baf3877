/**
 * exceljs's streaming workbook writer on its own (lib/stream/xlsx/workbook-writer.js, the class
 * exceljs exports as `stream.xlsx.WorkbookWriter`): exceljs's index also loads its readers and
 * their unzip libraries, which a command that only writes never uses. exceljs declares types for
 * its index only; these are the index's own.
 */
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
