package ui

// The strings of the previews that keep export content out of the app's
// origin (files-preview.go).
var (
	tFilesPdfAsText = def("files.pdfAsText", "The PDF is shown as its text: its links are not followed and its scripts never run here. Save the original to open it in a PDF reader.", "Das PDF wird als Text gezeigt: Seine Links werden hier nicht geöffnet, seine Skripte nie ausgeführt. Speichern Sie das Original, um es in einem PDF-Programm zu öffnen.")
	tFilesPdfSave   = def("files.pdfSave", "Save the original PDF", "Original-PDF speichern")
)
