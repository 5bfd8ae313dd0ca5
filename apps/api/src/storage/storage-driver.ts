import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  size?: number;
}

/** Where asset bytes live. Keys are relative paths like `jobs/<jobId>/0.png`. */
export interface StorageDriver {
  put(key: string, data: Buffer, mimeType: string): Promise<void>;
  /** null when the object does not exist. */
  get(key: string): Promise<StoredObject | null>;
  /** Deletes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
}
