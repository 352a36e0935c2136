package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
)

// The origin attack: export members that are documents with script in them.
// A viewer that gives such a member a blob: URL typed by its name (an .svg
// as image/svg+xml, an .html as text/html) hands the page's origin to the
// script as soon as the person opens that URL in a tab of its own ("Open
// image in new tab"), where the app's CSP does not apply: it can read and
// replace the app's cached files (CacheStorage) and so every later visit.

func init() {
	register(func() Archive {
		return Archive{"origin.zip", "an SVG, an HTML, an XHTML and an XML member with script, a .png and a recording .wav whose bytes are SVG, and a PDF with a link and OpenAction JavaScript, beside a small Amazon-like export", Origin()}
	})
}

// OriginMarker is what the scripts of Origin write wherever they can: the
// document's title, the console, an alert, and a CacheStorage entry
// (cache OriginMarker, key "/app.js"). Any of them seen means a script ran.
const OriginMarker = "POISONED"

// OriginURI is where the PDF's link annotation points.
const OriginURI = "http://attacker.example/steal"

// OriginPDFLines are the text lines of origin.zip's PDF, top to bottom.
var OriginPDFLines = []string{"Transcript of your recordings", "Click here for more"}

// Origin members (paths inside origin.zip).
const (
	OriginSVG     = "Attacks/drawing.svg"
	OriginFakePNG = "Attacks/IMG_0002.png" // SVG bytes under a raster name
	OriginHTML    = "Attacks/page.html"
	OriginXHTML   = "Attacks/page.xhtml"
	OriginXML     = "Attacks/feed.xml"
	OriginPDF     = "Attacks/transcript.pdf"
	OriginPNG     = "Attacks/IMG_0001.png" // a real raster image

	// OriginSVGRecording is the audio file of the third recording (index
	// 2) of the voice history, under Alexa.VoiceHistory/: SVG bytes.
	OriginSVGRecording = "media/0002.wav"
)

// originScript is what each document runs: every way of being noticed, and
// the poisoning itself.
const originScript = `document.title = 'POISONED';
console.log('POISONED');
try { caches.open('POISONED').then(c => c.put('/app.js', new Response('document.title = "POISONED"'))); } catch (e) {}
try { localStorage.setItem('POISONED', '1'); } catch (e) {}
alert('POISONED');`

// Origin is origin.zip: the small Amazon-like export (so the viewer has a
// verdict to show) and the hostile documents beside it.
func Origin() []byte {
	svg := `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="document.title='POISONED'">
<rect width="64" height="64" fill="red"/>
<script type="application/ecmascript"><![CDATA[
` + originScript + `
]]></script>
</svg>
`
	html := "<!doctype html>\n<html><head><title>page</title></head><body onload=\"document.title='POISONED'\">\n<p>hello</p>\n<script>\n" + originScript + "\n</script>\n</body></html>\n"
	xhtml := `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>page</title></head><body>
<p>hello</p>
<script><![CDATA[
` + originScript + `
]]></script>
</body></html>
`
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:h="http://www.w3.org/1999/xhtml">
<h:script><![CDATA[
` + originScript + `
]]></h:script>
<entry>an entry</entry>
</feed>
`
	var wavs []string
	var media []member
	for i := range 2 {
		name := fmt.Sprintf("media/%04d.wav", i)
		wavs = append(wavs, name)
		media = append(media, member{"Alexa.VoiceHistory/" + name, wav(uint32(i+1), 8000), zip.Store})
	}
	// The third recording's audio is the SVG: the player must not type it by its name either.
	wavs = append(wavs, OriginSVGRecording)
	media = append(media, member{"Alexa.VoiceHistory/" + OriginSVGRecording, []byte(svg), zip.Store})
	ms := []member{
		{voiceHistoryPath, voiceHistory(wavs), zip.Deflate},
		{voiceProfilesPath, voiceProfiles(), zip.Deflate},
		{"README.txt", []byte(readmeText), zip.Store},
		{OriginSVG, []byte(svg), zip.Deflate},
		{OriginFakePNG, []byte(svg), zip.Store},
		{OriginHTML, []byte(html), zip.Deflate},
		{OriginXHTML, []byte(xhtml), zip.Store},
		{OriginXML, []byte(xml), zip.Deflate},
		{OriginPDF, originPDF(), zip.Store},
		{OriginPNG, originPNG(), zip.Store},
	}
	return zipOf(append(ms, media...)...)
}

// originPNG is a real 16×16 PNG: a raster image is harmless in a tab of its own.
func originPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for y := range 16 {
		for x := range 16 {
			img.Set(x, y, color.RGBA{uint8(x * 16), uint8(y * 16), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// originPDF is a one-page PDF, written by hand: two lines of text, a link
// annotation over the second (/URI OriginURI) and an /OpenAction that runs
// JavaScript when a viewer opens the document.
func originPDF() []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 50 786 Td (%s) Tj 0 -20 Td (%s) Tj ET", OriginPDFLines[0], OriginPDFLines[1])
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R /Annots [7 0 R] >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		`<< /Type /Action /S /JavaScript /JS (app.alert\('POISONED'\); console.println\('POISONED'\);) >>`,
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Annot /Subtype /Link /Rect [40 755 400 780] /Border [0 0 1] /A << /S /URI /URI (" + OriginURI + ") >> >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return []byte(b.String())
}
