// Bytes <-> base64 without Node's Buffer (the extension runs in a browser).

export function bytesToBase64(bytes: ArrayLike<number>): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode(...Array.from({ length: Math.min(0x2000, bytes.length - i) }, (_, j) => (bytes[i + j] ?? 0) & 0xff));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
