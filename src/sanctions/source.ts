// A list file as the readers see it, so that they open nothing themselves (I/O sits at the edges:
// src/import/sanctions-files.ts opens files). Its bytes can be read more than once, because the
// OFAC CSV reader reads a file twice: once to choose its encoding, once to parse it.
export interface ListSource {
  /** What errors name (a file's path), and where a list without a date of its own finds one. */
  name: string;
  /** The bytes, from the start, each time it is called. */
  bytes(): AsyncIterable<Uint8Array>;
  /** The date of the file itself (its modification time), for a list that does not date itself. */
  modified(): Date;
}

/** The text of a source in chunks: UTF-8 (invalid bytes replaced, a BOM kept) or Latin-1. */
export async function* textOf(source: ListSource, encoding: 'utf8' | 'latin1' = 'utf8'): AsyncGenerator<string> {
  if (encoding === 'latin1') {
    // One byte a character, so chunks split anywhere.
    for await (const chunk of source.bytes()) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    return;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of source.bytes()) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
