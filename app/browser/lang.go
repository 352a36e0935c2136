package browser

import "strings"

// pickLanguage maps a BCP 47 tag to a language the app speaks.
func pickLanguage(tag string) string {
	if strings.HasPrefix(strings.ToLower(tag), "de") {
		return "de"
	}
	return "en"
}
