// Event dates and periods come from the one date module; this re-export goes once the files
// still importing it here are moved over.
export * from '../util/dates.js';
