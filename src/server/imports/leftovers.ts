// Uploads are written to a private temp folder named after the server's process id. A server that
// crashed or was killed mid-upload leaves its folder behind; the next server to start removes
// every such folder whose process is gone, so no uploaded file outlives the server that took it.
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const UPLOAD_PREFIX = 'deeds-upload-';
/** Folders from before process ids were in the name: removed once they are this old. */
const LEGACY_AGE_MS = 60 * 60 * 1000;

/** The prefix for this process's upload folders (mkdtemp adds six random characters). */
export const uploadDirPrefix = (root = tmpdir()): string => join(root, `${UPLOAD_PREFIX}${process.pid}-`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes upload folders left by servers that are no longer running; returns the paths removed. */
export async function removeLeftoverUploads(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const path = join(root, name);
    const pid = /^deeds-upload-(\d+)-/.exec(name)?.[1];
    let leftover: boolean;
    if (pid !== undefined) leftover = Number(pid) !== process.pid && !alive(Number(pid));
    else leftover = await stat(path).then((s) => Date.now() - s.mtimeMs > LEGACY_AGE_MS, () => false);
    if (!leftover) continue;
    await rm(path, { recursive: true, force: true }).then(() => removed.push(path), () => undefined);
  }
  return removed;
}
