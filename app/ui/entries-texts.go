package ui

// Texts for archive.ErrEntryMemory: an archive with more entries than the
// memory set aside for listing one export holds; the first are listed.
var (
	tReasonEntryMemory = def("reason.entryMemory", "it has more entries than the memory set aside for one export can list; the first ones are listed", "es hat mehr Einträge, als der für einen Export vorgesehene Speicher auflisten kann; die ersten werden angezeigt")
)
