package ui

// The strings of the virtualised file tree and of Files addresses that
// name no member of the open export.
var (
	tFilesMemberGone = def("files.memberGone", "This export has no file with the ID in the address. Was the link made for another export?", "Dieser Export enthält keine Datei mit der ID aus der Adresse. Stammt der Link von einem anderen Export?")
)
