/**
 * A Blob that only joins bytes. postal-mime collects each body line and a "\n" as separate
 * parts of a `new Blob(parts)` and reads it back with `arrayBuffer()`; Node's Blob reads
 * every part through its own async step, about 17 µs per line, so a 1 MB pasted message of
 * empty lines took 16 s to parse. Installed only inside the extraction worker
 * (extract.worker.ts), which uses Blob for nothing else.
 */
class JoinedBytes {
  readonly size: number;
  readonly type: string;
  private readonly parts: Uint8Array[];

  constructor(parts: ReadonlyArray<Uint8Array | ArrayBuffer | string> = [], options: { type?: string } = {}) {
    this.parts = parts.map(toBytes);
    this.size = this.parts.reduce((sum, part) => sum + part.byteLength, 0);
    this.type = options.type ?? "";
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const joined = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      joined.set(part, at);
      at += part.byteLength;
    }
    return joined.buffer;
  }
}

const encoder = new TextEncoder();
const NEWLINE = encoder.encode("\n");

function toBytes(part: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof part === "string") return part === "\n" ? NEWLINE : encoder.encode(part);
  return part instanceof ArrayBuffer ? new Uint8Array(part) : part;
}

export function installFastBlob(): void {
  globalThis.Blob = JoinedBytes as unknown as typeof Blob;
}
