/**
 * Worker-thread entry (post-build.ts `archiveOffThread`): builds the archive from the entries
 * folder it is given and posts it, as plain data, on the port it is given.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { buildArchive } from '../lib/mail/archive.ts';
import { readRecords } from '../lib/mail/node/entries.ts';

const { entries, port } = workerData as { entries: string; port: MessagePort };
port.postMessage(buildArchive(readRecords(entries)));
port.close();
