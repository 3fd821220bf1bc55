import { open } from 'node:fs/promises';

/** Container types Candor recognises from a file's first bytes. */
export type MediaType = 'wav' | 'flac' | 'mp3' | 'mp4' | 'ogg' | 'webm' | 'mpeg';

/** Bytes `sniffMediaType` needs to decide; reading more changes nothing. */
export const SNIFF_BYTES = 64;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * Whether two bytes open an MPEG audio frame: 11 sync bits, a valid version (not the reserved 01),
 * a valid layer (not 00) and a bitrate index that is neither free (0000) nor bad (1111).
 * Source: the MPEG-1/2 audio frame header, ISO/IEC 11172-3 §2.4.2.3.
 */
function isMpegAudioFrame(bytes: Uint8Array, at = 0): boolean {
  const b0 = bytes[at];
  const b1 = bytes[at + 1];
  const b2 = bytes[at + 2];
  if (b0 === undefined || b1 === undefined || b2 === undefined) return false;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = b2 >> 4;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0 && bitrate !== 0b1111;
}

/**
 * Names a recording's container from its first bytes (at least `SNIFF_BYTES` when the file has
 * them), so a type is judged by content, not by the file's name. Returns null for anything else,
 * including text.
 *
 * Signatures: RIFF/WAVE (Microsoft RIFF), `fLaC` (FLAC format §stream), ID3v2 tag or an MPEG audio
 * frame sync (mp3), `ftyp` box at offset 4 (ISO/IEC 14496-12: mp4, m4a, mov), `OggS` (RFC 3533:
 * Ogg Vorbis/Opus), EBML `1A 45 DF A3` (Matroska/WebM), MPEG program/system stream pack `00 00 01 BA`
 * or sequence header `00 00 01 B3` (ISO/IEC 11172-1/13818-1), and ADTS AAC frames (`FFF`, layer 00).
 *
 * @example sniffMediaType(await readFile('jfk.flac')) // "flac"
 * @example sniffMediaType(Buffer.from('hello')) // null
 */
export function sniffMediaType(firstBytes: Uint8Array): MediaType | null {
  const b = firstBytes;
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WAVE'), 8)) return 'wav';
  if (startsWith(b, ascii('RF64')) && startsWith(b, ascii('WAVE'), 8)) return 'wav';
  if (startsWith(b, ascii('fLaC'))) return 'flac';
  if (startsWith(b, ascii('ID3'))) {
    // An ID3v2 tag may front FLAC too; a tag is followed by mp3 frames far more often, and ffmpeg
    // decides by the stream itself anyway.
    return 'mp3';
  }
  if (startsWith(b, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(b, ascii('OggS'))) return 'ogg';
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (startsWith(b, [0x00, 0x00, 0x01, 0xba]) || startsWith(b, [0x00, 0x00, 0x01, 0xb3])) return 'mpeg';
  // ADTS AAC: sync 0xFFF with layer bits 00 (ISO/IEC 13818-7 §6.2); an .aac file is a raw ADTS stream.
  const b1 = b[1];
  if (b[0] === 0xff && b1 !== undefined && (b1 & 0xf6) === 0xf0) return 'mp4';
  if (isMpegAudioFrame(b)) return 'mp3';
  return null;
}

/**
 * Whether a file is a recording (by its first bytes), so the CLI can send it to speech-to-text
 * rather than to a transcript parser. A missing or unreadable file is not a media file.
 *
 * @example if (await isMediaFile('answer.webm')) { … decodeAudio('answer.webm') … }
 */
export async function isMediaFile(file: string): Promise<boolean> {
  return (await sniffFile(file)) !== null;
}

/** The media type of a file from its first bytes, or null (also when it cannot be read). */
export async function sniffFile(file: string): Promise<MediaType | null> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return sniffMediaType(buffer.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
