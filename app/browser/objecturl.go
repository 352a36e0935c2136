package browser

import "exportlens/app/media"

// blobType is the only MIME type an object URL of export content is ever
// given: a media type (raster image, audio, video) as sniffed from the
// bytes, which a browser shows as a media document that runs no script even
// when the URL is opened in a tab of its own; everything else, PDF
// included, is application/octet-stream, which a browser saves and never
// renders. Taking a media.Type, not a string, makes a blob typed text/html
// or image/svg+xml impossible to make from here.
func blobType(t media.Type) string {
	if t.Media() {
		return t.MIME()
	}
	return media.Opaque.MIME()
}
