// Package media reads the facts ExportLens needs from the media files inside an export:
// the format and duration of voice recordings and the text of PDF transcripts.
//
// Entry points:
//
//   - Probe (and ProbeWAV, ProbeMP3): format, duration, sample rate, channels of a WAV or
//     MP3 recording, from an io.ReaderAt without reading the whole file (the player shows
//     a hidden recording's length with it).
//   - PDFLines: the text lines of a PDF, page by page, so findings can cite page and line.
//   - WritePDF: a minimal text PDF writer, used to generate synthetic transcripts.
//   - Sniff: what a file's first bytes prove it to be (raster image, audio, video, PDF),
//     as a Type that only this package makes, so a browser object typed by it can never
//     be a document with script (HTML, SVG, XML), whatever the file's name says.
//
// Every size and count read from a file is treated as hostile and bounded before it
// allocates anything; malformed input gives an error, never a panic.
package media
