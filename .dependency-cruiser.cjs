// The allowed imports between src/ folders (docs/architecture.md, "Allowed imports", is the same
// table in prose). `npm run lint` runs these rules; test/architecture/boundaries.test.ts proves
// that breaking one fails.
//
// Layers, lowest first: util and errors; case (the case-file contract); store (with its audit
// log and dialect adapters); the capabilities (accounts, assess, events, sanctions, report,
// import); the edges (server, cli). A folder imports only from its own layer's allowance below.

/** Capability folders: each has one entry file, index.ts, that other folders import through. */
const capabilities = ['accounts', 'assess', 'events', 'sanctions', 'screening', 'report', 'import'];
const edges = ['server', 'cli'];
const any = (folders) => `^src/(${folders.join('|')})/`;
/** Node's modules that touch the outside world; the engine uses none of them. */
const nodeIo = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'worker_threads', 'cluster', 'readline'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lower-layers-stand-alone',
      severity: 'error',
      comment: 'util/ and errors/ are the bottom layer: they import nothing else from src/.',
      from: { path: '^src/(util|errors)/' },
      to: { path: '^src/', pathNot: '^src/(util|errors)/' },
    },
    {
      name: 'case-contract-below-store',
      severity: 'error',
      comment: 'case/ is the case-file contract: it may use util/ and errors/ only.',
      from: { path: '^src/case/' },
      to: { path: '^src/', pathNot: '^src/(util|errors|case)/' },
    },
    {
      name: 'store-imports-no-capability',
      severity: 'error',
      comment: 'The store keeps rows; it knows no capability, server or CLI. Row shapes it persists live in src/store.',
      from: { path: '^src/store/' },
      to: { path: any([...capabilities, ...edges]) },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'src/assess is the pure engine: case types and util in, plain data out; no store, server, CLI or other capability.',
      from: { path: '^src/assess/' },
      to: { path: '^src/', pathNot: '^src/(assess|case|util|errors)/' },
    },
    {
      name: 'engine-does-no-io',
      severity: 'error',
      comment: 'src/assess reads no file, starts no process and opens no socket: I/O sits at the edges.',
      from: { path: '^src/assess/' },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${nodeIo.join('|')})$` },
    },
    {
      name: 'events-read-no-store',
      severity: 'error',
      comment: 'src/events computes from plain data that its callers load (src/import/case-events.ts); of the store it uses only the row shapes the store persists.',
      from: { path: '^src/events/' },
      to: { path: '^src/store/', pathNot: '^src/store/event-(rows|sources)\\.ts$' },
    },
    {
      name: 'sanctions-no-store',
      severity: 'error',
      comment: 'src/sanctions is the pure matcher: list readers, normalisation, the index and its bytes, screening a built index. Loading from and saving to the store is src/screening; of the store, src/sanctions uses only the entry shapes the store persists.',
      from: { path: '^src/sanctions/' },
      to: { path: '^src/store/', pathNot: '^src/store/sanctions-entries\\.ts$' },
    },
    {
      name: 'sanctions-opens-no-file',
      severity: 'error',
      comment: 'The list readers read sources they are given (src/sanctions/source.ts); opening files is src/import/sanctions-files.ts.',
      from: { path: '^src/sanctions/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises)$' },
    },
    {
      name: 'capabilities-do-not-import-edges',
      severity: 'error',
      comment: 'Capabilities are called by the server and the CLI, never the other way round.',
      from: { path: any(['store', 'case', 'util', 'errors', ...capabilities]) },
      to: { path: any(edges) },
    },
    {
      name: 'server-does-not-import-cli',
      severity: 'error',
      comment: 'The CLI starts the server (deeds serve); the server never reaches into the CLI.',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'capability-through-its-entry',
      severity: 'error',
      comment: "Another folder uses a capability only through its entry file, src/<capability>/index.ts, which is the capability's public surface.",
      // Not yet for the edges: the CLI's commands (being made to load lazily) and the server's
      // routes still import capability files directly; they move to the entries next.
      from: { path: '^src/([^/]+)/', pathNot: '^src/(cli)/' },
      to: {
        path: `^src/(${capabilities.join('|')})/.+`,
        pathNot: ['^src/$1/', `^src/(${capabilities.join('|')})/index\\.ts$`],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are dependencies too: a store that imports a capability's types still
    // depends on that capability.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
