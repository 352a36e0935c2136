package ui

// Texts for export.Problem kind "budget": a file read only in part because
// the memory budget of one export was spent (app/export/budget.go).
var (
	tReasonBudget = def("reason.budget", "it is too big for the memory set aside for one export; what was read before that point is shown", "es ist zu groß für den Speicher, der für einen Export vorgesehen ist; was bis dahin gelesen wurde, wird angezeigt")
)
